package dev.jlogin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.testing.FullTier;
import dev.jlogin.testing.JBang;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The tiers are tags, so a test class joins one by what it says, not where it lives: every class
 * in the packages of tests that run the scripts, Keycloak or the benchmarks says {@link FullTier},
 * or plain {@code mvn test} would run it and stop being fast.
 */
class TiersTest {
    private static final Path TESTS = JBang.REPO.resolve("tests/src/dev/jlogin");

    @Test
    void theTestsThatRunScriptsKeycloakOrBenchmarksAreInTheFullTier() throws IOException {
        List<Path> classes;
        try (Stream<Path> files = Stream.of("e2e", "scripts", "bench").flatMap(TiersTest::testsIn)) {
            classes = files.toList();
        }
        assertThat(classes).hasSizeGreaterThan(20)
                .allSatisfy(c -> assertThat(read(c)).as(c.getFileName().toString()).contains("\n@FullTier\n"));
    }

    @Test
    void theTagIsTheOneTheFastTierLeavesOut() throws IOException {
        assertThat(FullTier.class.getAnnotation(org.junit.jupiter.api.Tag.class).value()).isEqualTo(FullTier.TAG);
        assertThat(Files.readString(JBang.REPO.resolve("pom.xml"))).contains("<excludedGroups>" + FullTier.TAG + "</excludedGroups>");
    }

    private static Stream<Path> testsIn(String folder) {
        try {
            return Files.list(TESTS.resolve(folder)).filter(f -> f.getFileName().toString().endsWith("Test.java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
