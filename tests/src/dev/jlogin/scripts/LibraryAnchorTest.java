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
 * the list must name every file, and its jackson-jr version must be the one pom.xml builds with.
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
    void theJacksonVersionMatchesThePom() throws Exception {
        String deps = Files.readAllLines(LIB.resolve("JLogin.java")).stream().filter(l -> l.startsWith("//DEPS ")).findFirst()
                .orElseThrow();
        String version = deps.substring(deps.lastIndexOf(':') + 1).trim();
        assertThat(Files.readString(JBang.REPO.resolve("pom.xml"))).contains("<jackson-jr.version>" + version + "</jackson-jr.version>");
    }
}
