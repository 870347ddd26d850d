package dev.jlogin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jlogin.testing.StaticFileServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetching the distribution from a Maven repository: checksum checked, unpacked once, nothing half-done left. */
class KeycloakDistributionTest {
    private static final String DIR = "org/keycloak/keycloak-quarkus-dist/" + KeycloakDistribution.VERSION + "/";
    private static final String ZIP = "keycloak-quarkus-dist-" + KeycloakDistribution.VERSION + ".zip";

    @TempDir
    Path temp;

    /**
     * A Maven repository holding a small stand-in zip (a mebibyte that does not compress, so that
     * a download takes many reads), with the given SHA-1 file.
     */
    private Path repository(String sha1Override) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("repo").resolve(DIR));
        try (OutputStream file = Files.newOutputStream(dir.resolve(ZIP)); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("keycloak-" + KeycloakDistribution.VERSION + "/bin/kc.sh"));
            zip.write("#!/bin/sh\n".getBytes());
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("keycloak-" + KeycloakDistribution.VERSION + "/lib/filler.jar"));
            byte[] noise = new byte[1024 * 1024];
            new Random(1).nextBytes(noise);
            zip.write(noise);
            zip.closeEntry();
        }
        String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(dir.resolve(ZIP))));
        Files.writeString(dir.resolve(ZIP + ".sha1"), sha1Override != null ? sha1Override : sha1);
        return temp.resolve("repo");
    }

    private KeycloakDistribution distribution(StaticFileServer web) {
        return distribution(web, new DownloadProgress(new PrintStream(OutputStream.nullOutputStream()), false));
    }

    private KeycloakDistribution distribution(StaticFileServer web, DownloadProgress downloads) {
        return new KeycloakDistribution(temp.resolve("cache"), URI.create(web.url("")), temp.resolve("no-local-repo"), line -> { },
                downloads);
    }

    /** What a download through the sandbox's own code shows on a stream that is a terminal, or not. */
    private String shownDownloading(boolean terminal) throws Exception {
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        try (StaticFileServer web = new StaticFileServer(repository(null))) {
            distribution(web, new DownloadProgress(new PrintStream(shown, true, StandardCharsets.UTF_8), terminal)).home();
        }
        return shown.toString(StandardCharsets.UTF_8);
    }

    @Test
    void intoAPipeTheDownloadShowsAPlainLineAtEveryTenth() throws Exception {
        String shown = shownDownloading(false);

        assertThat(shown).doesNotContain("\r", "\u001b");
        assertThat(shown.lines()).containsExactly("   10 % of 1 MiB", "   20 % of 1 MiB", "   30 % of 1 MiB", "   40 % of 1 MiB",
                "   50 % of 1 MiB", "   60 % of 1 MiB", "   70 % of 1 MiB", "   80 % of 1 MiB", "   90 % of 1 MiB", "  100 % of 1 MiB");
    }

    @Test
    void onATerminalTheDownloadShowsOneLineRewrittenInPlace() throws Exception {
        String shown = shownDownloading(true);

        assertThat(shown).as("one line, ended when the download is").endsWith("\r  100 % of 1 MiB\n")
                .doesNotContain("\u001b").satisfies(s -> assertThat(s.indexOf('\n')).isEqualTo(s.length() - 1));
        List<Integer> percents = Arrays.stream(shown.strip().split("\r")).filter(s -> !s.isEmpty())
                .map(s -> Integer.parseInt(s.strip().split(" ")[0])).toList();
        assertThat(percents).as("rewritten as it grows").hasSizeGreaterThan(10).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void downloadsVerifiesAndUnpacksOnce() throws Exception {
        try (StaticFileServer web = new StaticFileServer(repository(null))) {
            Path home = distribution(web).home();

            assertThat(home.resolve("bin/kc.sh")).isExecutable();
            int requests = web.served().size();
            assertThat(distribution(web).home()).isEqualTo(home);
            assertThat(web.served()).hasSize(requests);
        }
    }

    @Test
    void theCacheIsUnderHomeUnlessJloginCacheMovesIt() {
        assertThat(KeycloakDistribution.cacheFolder(Map.of("HOME", "/tmp/b"))).isEqualTo(Path.of("/tmp/b/.cache/jlogin/keycloak"));
        assertThat(KeycloakDistribution.cacheFolder(Map.of("HOME", "/tmp/b", "JLOGIN_CACHE", "/tmp/c")))
                .isEqualTo(Path.of("/tmp/c/keycloak"));
    }

    @Test
    void aChecksumMismatchIsAnErrorAndLeavesNothingBehind() throws Exception {
        try (StaticFileServer web = new StaticFileServer(repository("0000000000000000000000000000000000000000"))) {
            assertThatThrownBy(() -> distribution(web).home()).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("checksum mismatch");

            try (var left = Files.list(temp.resolve("cache"))) {
                assertThat(left).isEmpty();
            }
        }
    }
}
