package dev.jlogin.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.testing.JBang;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * lib/JLogin.java lists the library's files one by one (JBang ignores globs for remote scripts);
 * the list must name every file; and the library depends on nothing but the JDK and one QR code jar.
 */
class LibraryAnchorTest {
    private static final Path LIB = JBang.REPO.resolve("lib");

    @Test
    void theSourcesListNamesEveryLibraryFile() throws Exception {
        List<String> listed = Files.readAllLines(LIB.resolve("JLogin.java")).stream()
                .filter(l -> l.startsWith("//SOURCES ")).map(l -> l.substring("//SOURCES ".length()).trim()).sorted().toList();
        List<String> present;
        try (Stream<Path> files = Files.walk(LIB.resolve("src"))) {
            present = files.filter(p -> p.toString().endsWith(".java")).map(p -> LIB.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
        assertThat(listed).isEqualTo(present);
    }

    @Test
    void theLibraryNeedsOnlyTheJdkAndTheQrCodeLibrary() throws Exception {
        List<String> deps = Files.readAllLines(LIB.resolve("JLogin.java")).stream().filter(l -> l.startsWith("//DEPS")).toList();
        assertThat(deps).containsExactly("//DEPS io.nayuki:qrcodegen:1.8.0");
        // the build's runtime dependencies are the same one jar, at the same version
        assertThat(Files.readString(JBang.REPO.resolve("pom.xml")).replaceAll("\\s", ""))
                .contains("<groupId>io.nayuki</groupId><artifactId>qrcodegen</artifactId><version>1.8.0</version></dependency>")
                .doesNotContainPattern("</version>(?!<scope>test</scope>)</dependency>(?<!qrcodegen</artifactId><version>1\\.8\\.0</version></dependency>)");
    }
}
