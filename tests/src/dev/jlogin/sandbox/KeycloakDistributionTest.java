package dev.jlogin.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jlogin.testing.StaticFileServer;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
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

    /** A Maven repository holding a tiny stand-in zip, with the given SHA-1 file. */
    private Path repository(String sha1Override) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("repo").resolve(DIR));
        try (OutputStream file = Files.newOutputStream(dir.resolve(ZIP)); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("keycloak-" + KeycloakDistribution.VERSION + "/bin/kc.sh"));
            zip.write("#!/bin/sh\n".getBytes());
            zip.closeEntry();
        }
        String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(dir.resolve(ZIP))));
        Files.writeString(dir.resolve(ZIP + ".sha1"), sha1Override != null ? sha1Override : sha1);
        return temp.resolve("repo");
    }

    private KeycloakDistribution distribution(StaticFileServer web) {
        return new KeycloakDistribution(temp.resolve("cache"), URI.create(web.url("")), temp.resolve("no-local-repo"), line -> { });
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
