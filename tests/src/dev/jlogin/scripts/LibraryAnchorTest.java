package dev.jlogin.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.testing.FullTier;
import dev.jlogin.testing.JBang;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * lib/JLogin.java lists the library's files one by one (JBang ignores globs for remote scripts), and
 * sandbox/Sandbox.java the sandbox tool's; each list must name every file of its folder; and the
 * library depends on nothing but the JDK and one QR code jar.
 */
@FullTier
class LibraryAnchorTest {
    private static final Path LIB = JBang.REPO.resolve("lib");

    @Test
    void theLibrarysListNamesEveryLibraryFile() throws Exception {
        assertThat(listed(LIB.resolve("JLogin.java"))).isEqualTo(javaFiles(LIB, LIB.resolve("src")));
    }

    /** The sandbox is a tool on top of the library: its anchor names both, the library's none of it. */
    @Test
    void theSandboxsListNamesTheLibraryAndEverySandboxFile() throws Exception {
        Path sandbox = JBang.REPO.resolve("sandbox");
        List<String> expected = new ArrayList<>(javaFiles(sandbox, LIB.resolve("src")));
        expected.addAll(javaFiles(sandbox, sandbox.resolve("src")));

        assertThat(listed(sandbox.resolve("Sandbox.java"))).isEqualTo(expected.stream().sorted().toList());
        assertThat(listed(LIB.resolve("JLogin.java"))).noneMatch(f -> f.contains("sandbox"));
        assertThat(Files.readString(JBang.REPO.resolve("scripts/sandbox.java"))).contains("//DEPS ../sandbox/Sandbox.java")
                .doesNotContain("//DEPS ../lib/JLogin.java");
    }

    private static List<String> listed(Path anchor) throws Exception {
        return Files.readAllLines(anchor).stream().filter(l -> l.startsWith("//SOURCES "))
                .map(l -> l.substring("//SOURCES ".length()).trim()).sorted().toList();
    }

    /** The .java files under {@code folder}, as paths relative to {@code base} with forward slashes. */
    private static List<String> javaFiles(Path base, Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.toString().endsWith(".java")).map(p -> base.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
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
