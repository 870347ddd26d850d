package dev.jlogin.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.oauth.ServerMetadata;
import dev.jlogin.testing.MutableClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The discovery cache decides where device codes and refresh tokens are sent, so an entry is used
 * only if nobody but the user could have written it: the same rules as the token store.
 */
class MetadataCacheTest {
    private static final String ISSUER = "https://idp.example/realms/acme";
    private static final int OTHER_USER = 4242;

    @TempDir
    Path root;
    private Path home;
    private final MutableClock clock = new MutableClock();
    private MetadataCache cache;

    @BeforeEach
    void setUp() throws Exception {
        home = Files.createDirectory(root.resolve("home"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        cache = new MetadataCache(home, clock);
    }

    private static ServerMetadata metadata(String issuer, String host) {
        return new ServerMetadata(issuer, URI.create("https://" + host + "/device"), URI.create("https://" + host + "/token"),
                Optional.empty(), Optional.empty(), Optional.of(URI.create("https://" + host + "/certs")));
    }

    private Path entry() throws Exception {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(home.resolve("cache/metadata"), "*.json")) {
            return files.iterator().next();
        }
    }

    private static void chown(Path path, int uid) throws Exception {
        Files.setAttribute(path, "unix:uid", uid, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    @Test
    void aFreshEntryOfTheUsersOwnIsUsed() {
        cache.put(ISSUER, metadata(ISSUER, "idp.example"));

        assertThat(cache.get(ISSUER)).contains(metadata(ISSUER, "idp.example"));
    }

    /** Entries written before jwks_uri was kept still serve; their ID tokens are shown as unchecked until they expire. */
    @Test
    void anEntryFromBeforeJwksUrisWereKeptIsStillUsed() throws Exception {
        cache.put(ISSUER, metadata(ISSUER, "idp.example"));
        Path entry = entry();
        String old = Files.readString(entry).replaceAll(",\\s*\"jwks_uri\"\\s*:\\s*\"[^\"]*\"", "");
        assertThat(old).doesNotContain("jwks_uri");
        Files.writeString(entry, old);

        assertThat(cache.get(ISSUER)).hasValueSatisfying(m -> {
            assertThat(m.tokenEndpoint()).isEqualTo(URI.create("https://idp.example/token"));
            assertThat(m.jwksUri()).isEmpty();
        });
    }

    @Test
    void anEntryOwnedByAnotherUserIsIgnored() throws Exception {
        cache.put(ISSUER, metadata(ISSUER, "idp.example"));
        chown(entry(), OTHER_USER);

        assertThat(cache.get(ISSUER)).isEmpty();
    }

    @Test
    void anEntryOthersCanWriteIsIgnored() throws Exception {
        cache.put(ISSUER, metadata(ISSUER, "idp.example"));
        Files.setPosixFilePermissions(entry(), PosixFilePermissions.fromString("rw-rw-rw-"));

        assertThat(cache.get(ISSUER)).isEmpty();
    }

    @Test
    void aCacheFolderOthersCanWriteOrOwnIsIgnored() throws Exception {
        cache.put(ISSUER, metadata(ISSUER, "idp.example"));
        Path folder = home.resolve("cache/metadata");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(cache.get(ISSUER)).isEmpty();

        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        chown(home.resolve("cache"), OTHER_USER);
        assertThat(cache.get(ISSUER)).isEmpty();

        chown(home.resolve("cache"), 0);
        chown(home, OTHER_USER);
        assertThat(cache.get(ISSUER)).isEmpty();
    }

    @Test
    void aSymbolicLinkIsNotFollowed() throws Exception {
        cache.put(ISSUER, metadata(ISSUER, "idp.example"));
        Path entry = entry();
        Path planted = Files.move(entry, root.resolve("planted.json"));
        Files.createSymbolicLink(entry, planted);

        assertThat(cache.get(ISSUER)).isEmpty();
    }

    @Test
    void aMetadataFolderThatIsASymbolicLinkIsNotUsedNorWrittenThrough() throws Exception {
        Path elsewhere = Files.createDirectory(root.resolve("elsewhere"));
        Files.createDirectories(home.resolve("cache"));
        Files.createSymbolicLink(home.resolve("cache/metadata"), elsewhere);

        cache.put(ISSUER, metadata(ISSUER, "idp.example"));

        assertThat(elsewhere).isEmptyDirectory();
        assertThat(cache.get(ISSUER)).isEmpty();
    }

    @Test
    void anEntryFetchedInTheFutureIsStale() throws Exception {
        cache.put(ISSUER, metadata(ISSUER, "idp.example"));
        String text = Files.readString(entry());
        Files.writeString(entry(), text.replaceFirst("\"fetched_at\"\\s*:\\s*\\d+", "\"fetched_at\": 99999999999"));

        assertThat(cache.get(ISSUER)).isEmpty();
        clock.advance(Duration.ofDays(400));
        assertThat(cache.get(ISSUER)).isEmpty();
    }

    @Test
    void anEntryForAnotherIssuerIsIgnored() throws Exception {
        cache.put(ISSUER, metadata("https://evil.example", "evil.example"));

        assertThat(cache.get(ISSUER)).isEmpty();
    }

    @Test
    void entriesExpireAfterTheirTimeToLive() {
        cache.put(ISSUER, metadata(ISSUER, "idp.example"));
        clock.advance(MetadataCache.TTL.plusSeconds(1));

        assertThat(cache.get(ISSUER)).isEmpty();
    }

    /**
     * A temp file swapped for a symbolic link between its creation and its write must not be
     * written through: the write goes to the file that was created, through the same channel.
     */
    @Test
    void theTempFileIsWrittenThroughTheChannelThatCreatedIt() throws Exception {
        cache.put(ISSUER, metadata(ISSUER, "idp.example"));
        Path folder = home.resolve("cache/metadata");
        Path victim = Files.writeString(root.resolve("victim"), "");
        AtomicBoolean stop = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger swaps = new java.util.concurrent.atomic.AtomicInteger();
        Thread swapper = new Thread(() -> {
            while (!stop.get()) {
                try (DirectoryStream<Path> temps = Files.newDirectoryStream(folder, ".*.tmp")) {
                    for (Path temp : temps) {
                        Files.deleteIfExists(temp);
                        Files.createSymbolicLink(temp, victim);
                        swaps.incrementAndGet();
                    }
                } catch (Exception e) {
                    // the writer renamed or removed it first; try again
                }
            }
        });
        swapper.start();
        try {
            // until the swap has happened often enough to have hit every moment of the write
            for (int i = 0; i < 200_000 && swaps.get() < 50 && Files.size(victim) == 0; i++) {
                cache.put(ISSUER, metadata(ISSUER, "idp.example"));
            }
        } finally {
            stop.set(true);
            swapper.join();
        }

        System.err.println("metadata cache race: " + swaps.get() + " temp files swapped for a link");
        assertThat(swaps.get()).as("the race happened").isPositive();
        assertThat(Files.readString(victim, StandardCharsets.UTF_8)).isEmpty();
    }
}
