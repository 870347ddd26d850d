package dev.jlogin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.jlogin.JLoginException;
import dev.jlogin.testing.HoldProfileLock;
import dev.jlogin.testing.Logins;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenStoreTest {
    private static final Instant EXPIRY = Instant.parse("2030-01-01T00:00:00Z");

    @TempDir
    Path home;

    private TokenStore store(Duration lockTimeout) {
        return new TokenStore(home, lockTimeout);
    }

    private static String permissions(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void writesAndReadsALogin() {
        TokenStore store = store(Duration.ofSeconds(1));
        StoredLogin login = Logins.login("https://idp.example", "at-1", "rt-1", EXPIRY);

        store.write("work", login);

        assertThat(store.read("work")).contains(login);
        assertThat(store.read("other")).isEmpty();
    }

    @Test
    void tokensForOtherApisAreReadBackApartFromTheLoginsOwnAndLogoutRemovesThem() throws Exception {
        TokenStore store = store(Duration.ofSeconds(1));
        dev.jlogin.oauth.TokenRequest orders = dev.jlogin.oauth.TokenRequest.audience("orders-api").withScope("read");
        dev.jlogin.oauth.TokenRequest files = dev.jlogin.oauth.TokenRequest.resource(java.net.URI.create("https://files.example/"));
        StoredLogin login = Logins.login("https://idp.example", "at-1", "rt-1", EXPIRY)
                .withTarget(orders, Logins.login("https://idp.example", "at-orders", "rt-never-kept", EXPIRY).tokens())
                .withTarget(files, Logins.login("https://idp.example", "at-files", "rt-never-kept", EXPIRY.plusSeconds(5)).tokens());

        store.write("work", login);

        StoredLogin read = store.read("work").orElseThrow();
        assertThat(read).isEqualTo(login);
        assertThat(read.tokens().accessToken().reveal()).isEqualTo("at-1");
        assertThat(read.targets().get(orders).accessToken().reveal()).isEqualTo("at-orders");
        assertThat(read.targets().get(files).expiresAt()).contains(EXPIRY.plusSeconds(5));
        assertThat(Files.readString(home.resolve("profiles/work.json"))).doesNotContain("rt-never-kept");
        assertThat(store.deleteTokens("work")).isTrue();
        assertThat(Files.readString(home.resolve("profiles/work.json"))).doesNotContain("at-orders").doesNotContain("at-files");
    }

    @Test
    void filesAreOwnerOnly() throws Exception {
        store(Duration.ofSeconds(1)).write("default", Logins.login("https://idp.example", "a", "r", EXPIRY));

        assertThat(permissions(home.resolve("profiles"))).isEqualTo("rwx------");
        assertThat(permissions(home.resolve("profiles/default.json"))).isEqualTo("rw-------");
    }

    @Test
    void filesAreOwnerOnlyFromCreationWhateverTheUmask() throws Exception {
        // a child JVM with umask 000 writes the store: permissions left to the umask would be 0666/0777
        Path child = home.resolve("child-home");
        Process process = new ProcessBuilder("sh", "-c", "umask 000 && exec \"$0\" -cp \"$1\" \"$2\" \"$3\"",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), System.getProperty("java.class.path"),
                WriteOnce.class.getName(), child.toString()).inheritIO().start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();

        assertThat(permissions(child)).isEqualTo("rwx------");
        assertThat(permissions(child.resolve("profiles"))).isEqualTo("rwx------");
        assertThat(permissions(child.resolve("profiles/default.json"))).isEqualTo("rw-------");
        assertThat(permissions(child.resolve("profiles/default.lock"))).isEqualTo("rw-------");
    }

    /** Run in a child JVM by the test above. */
    public static final class WriteOnce {
        public static void main(String[] args) {
            TokenStore store = new TokenStore(Path.of(args[0]), Duration.ofSeconds(5));
            try (ProfileLock lock = store.lock("default")) {
                store.write("default", Logins.login("https://idp.example", "a", "r", EXPIRY));
            }
        }
    }

    @Test
    void aLoginFileOthersCanReadIsRepairedWithAWarningAndAFolderTheyCanReadIsLeftAlone() throws Exception {
        java.util.List<String> warnings = new java.util.ArrayList<>();
        TokenStore store = new TokenStore(home, Duration.ofSeconds(1), new FileBackend(home.resolve("profiles"), warnings::add));
        store.write("default", Logins.login("https://idp.example", "a", "r", EXPIRY));
        Files.setPosixFilePermissions(home.resolve("profiles"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(home.resolve("profiles/default.json"), PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(store.read("default")).isPresent();

        assertThat(permissions(home.resolve("profiles"))).isEqualTo("rwxr-xr-x");
        assertThat(permissions(home.resolve("profiles/default.json"))).isEqualTo("rw-------");
        assertThat(warnings).singleElement().asString().contains("default.json was accessible to other users");
        store.read("default");
        assertThat(warnings).hasSize(1);
    }

    /**
     * A home that jlogin did not create keeps its mode whatever it is: a shared 1777 or 2775 folder
     * (whose sticky or set-group-id bit a chmod to 0700 would take away) is refused, since others
     * could swap what is kept there; a 0755 one (JLOGIN_HOME=$HOME) is used as it is.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1777", "2775", "0777", "0757"})
    void anExistingHomeOthersCanWriteIsRefusedAndKeepsItsMode(String mode) throws Exception {
        Path shared = Files.createDirectory(home.resolve("shared"));
        chmod(mode, shared);
        TokenStore store = new TokenStore(shared, Duration.ofSeconds(1));

        assertThatThrownBy(() -> {
            try (ProfileLock lock = store.lock("default")) {
                store.write("default", Logins.login("https://idp.example", "a", "r", EXPIRY));
            }
        }).isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.STORE))
                .hasMessageContaining(shared + " is open to other users (").hasMessageContaining("changes no folder's permissions");
        assertThatThrownBy(() -> store.read("default")).isInstanceOf(JLoginException.class).hasMessageContaining("open to other users");
        assertThat(octal(shared)).isEqualTo(mode);
        assertThat(shared.resolve("profiles")).doesNotExist();
    }

    @Test
    void anExistingHomeOthersCanOnlyReadIsUsedAsItIs() throws Exception {
        Path userHome = Files.createDirectory(home.resolve("user"));
        chmod("0755", userHome);
        TokenStore store = new TokenStore(userHome, Duration.ofSeconds(1));

        try (ProfileLock lock = store.lock("default")) {
            store.write("default", Logins.login("https://idp.example", "a", "r", EXPIRY));
        }

        assertThat(store.read("default")).isPresent();
        assertThat(octal(userHome)).isEqualTo("0755");
        assertThat(permissions(userHome.resolve("profiles"))).isEqualTo("rwx------");
    }

    /** chmod(1), for the set-id and sticky bits that Java's permission sets cannot express. */
    private static void chmod(String mode, Path path) throws Exception {
        assertThat(new ProcessBuilder("chmod", mode, path.toString()).start().waitFor()).isZero();
    }

    private static String octal(Path path) throws Exception {
        return String.format("%04o", (Integer) Files.getAttribute(path, "unix:mode") & 07777);
    }

    @Test
    void aSymbolicLinkInPlaceOfTheStoreIsRefused() throws Exception {
        TokenStore store = store(Duration.ofSeconds(1));
        store.write("elsewhere", Logins.login("https://idp.example", "a", "r", EXPIRY));
        Files.createSymbolicLink(home.resolve("profiles/default.json"), home.resolve("profiles/elsewhere.json"));

        assertThatThrownBy(() -> store.read("default"))
                .isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.STORE))
                .hasMessageContaining("symbolic link");
    }

    private Path privateProfiles() throws Exception {
        return Files.createDirectories(home.resolve("profiles"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    private void assertStoreError(TokenStore store, String message) {
        assertThatThrownBy(() -> store.read("default"))
                .isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.STORE))
                .hasMessageContaining(message).satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
    }

    @Test
    void aHugeStoreFileIsRefusedWithoutReadingIt() throws Exception {
        privateProfiles();
        try (var file = new java.io.RandomAccessFile(home.resolve("profiles/default.json").toFile(), "rw")) {
            file.setLength(2_200_000_000L); // sparse: no disk space used
        }

        assertStoreError(store(Duration.ofSeconds(1)), "larger than");
    }

    @Test
    void aFifoInPlaceOfTheStoreFileIsRefusedWithoutWaitingOnIt() throws Exception {
        privateProfiles();
        Process mkfifo = new ProcessBuilder("mkfifo", home.resolve("profiles/default.json").toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();

        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertStoreError(store(Duration.ofSeconds(1)), "not a regular file"));
    }

    @Test
    void aDirectoryInPlaceOfTheStoreFileIsRefusedAndLeftAlone() throws Exception {
        Path dir = Files.createDirectory(privateProfiles().resolve("default.json"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        java.util.List<String> warnings = new java.util.ArrayList<>();

        assertThatThrownBy(() -> new TokenStore(home, Duration.ofSeconds(1), new FileBackend(home.resolve("profiles"), warnings::add))
                .read("default")).isInstanceOf(JLoginException.class).hasMessageContaining("not a regular file");
        assertThat(permissions(dir)).isEqualTo("rwxr-xr-x");
        assertThat(warnings).isEmpty();
    }

    @Test
    void aSymbolicLinkInPlaceOfTheLockFileIsNotFollowed() throws Exception {
        Path planted = home.resolve("elsewhere/planted");
        Files.createDirectories(planted.getParent());
        Files.createSymbolicLink(privateProfiles().resolve("default.lock"), planted);

        assertThatThrownBy(() -> store(Duration.ofSeconds(1)).lock("default").close())
                .isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.STORE));
        assertThat(planted).doesNotExist();
    }

    /** Root (or anyone) must not write tokens into, or read them from, a folder another user controls. */
    @Test
    void aProfilesFolderOrHomeOwnedByAnotherUserIsRefused() throws Exception {
        TokenStore store = store(Duration.ofSeconds(1));
        store.write("default", Logins.login("https://idp.example", "a", "r", EXPIRY));

        for (Path folder : new Path[] {home.resolve("profiles"), home}) {
            Files.setAttribute(folder, "unix:uid", 4242);
            assertThatThrownBy(() -> store.write("default", Logins.login("https://idp.example", "b", "r", EXPIRY)))
                    .isInstanceOf(JLoginException.class).hasMessageContaining("belongs to another user");
            assertThatThrownBy(() -> store.lock("default").close())
                    .isInstanceOf(JLoginException.class).hasMessageContaining("belongs to another user");
            assertThatThrownBy(() -> store.read("default"))
                    .isInstanceOf(JLoginException.class).hasMessageContaining("belongs to another user");
            Files.setAttribute(folder, "unix:uid", 0);
        }
        assertThat(store.read("default").get().tokens().accessToken().reveal()).isEqualTo("a");
    }

    @Test
    void aHomeThatIsASymbolicLinkIsRefused() throws Exception {
        Path real = Files.createDirectory(home.resolve("real"));
        Path link = Files.createSymbolicLink(home.resolve("link"), real);
        TokenStore store = new TokenStore(link, Duration.ofSeconds(1));

        assertThatThrownBy(() -> store.write("default", Logins.login("https://idp.example", "a", "r", EXPIRY)))
                .isInstanceOf(JLoginException.class).hasMessageContaining("symbolic link");
        assertThatThrownBy(() -> store.lock("default").close()).isInstanceOf(JLoginException.class).hasMessageContaining("symbolic link");
    }

    /** Opening a FIFO for writing blocks until someone reads it: the lock and its probe must not open one. */
    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoInPlaceOfTheLockFileIsRefusedWithoutWaiting() throws Exception {
        TokenStore store = store(Duration.ofSeconds(1));
        store.write("default", Logins.login("https://idp.example", "a", "r", EXPIRY));
        Path lock = home.resolve("profiles/default.lock");
        Files.deleteIfExists(lock);
        assertThat(new ProcessBuilder("mkfifo", lock.toString()).start().waitFor()).isZero();

        assertThatThrownBy(() -> store.lock("default").close()).isInstanceOf(JLoginException.class)
                .hasMessageContaining("is not a regular file");
        assertThatThrownBy(() -> store.lockState("default")).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("is not a regular file");
    }

    /**
     * Profile "a.json.x" writes ".a.json.x.json.N.tmp" under its own lock: a writer of profile "a"
     * must not take it for one of its own leftovers (".a.json.N.tmp").
     */
    @Test
    void cleaningLeftoversRemovesOnlyThisProfilesTempFiles() throws Exception {
        Path profiles = privateProfiles();
        Path othersInFlight = Files.writeString(profiles.resolve(".a.json.x.json.5d3c0a1b2e4f6789.tmp"), "{}");
        Path othersOld = Files.writeString(profiles.resolve(".a.json.x.json.123456789.tmp"), "{}");
        Path ownLeftover = Files.writeString(profiles.resolve(".a.json.5d3c0a1b2e4f6789.tmp"), "{}");
        Path ownOldLeftover = Files.writeString(profiles.resolve(".a.json.8301237451263.tmp"), "{}");

        store(Duration.ofSeconds(1)).write("a", Logins.login("https://idp.example", "a", "r", EXPIRY));

        assertThat(othersInFlight).exists();
        assertThat(othersOld).exists();
        assertThat(ownLeftover).doesNotExist();
        assertThat(ownOldLeftover).doesNotExist();
    }

    @Test
    void replacesAtomicallyAndLeavesNoTemporaryFiles() throws Exception {
        TokenStore store = store(Duration.ofSeconds(1));
        for (int i = 0; i < 20; i++) {
            store.write("default", Logins.login("https://idp.example", "at-" + i, "rt-" + i, EXPIRY));
        }

        try (var files = Files.list(home.resolve("profiles"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("default.json");
        }
        assertThat(store.read("default").get().tokens().accessToken().reveal()).isEqualTo("at-19");
    }

    @Test
    void readersNeverSeeAPartialFile() throws Exception {
        TokenStore store = store(Duration.ofSeconds(1));
        store.write("default", Logins.login("https://idp.example", "at-0", "rt-0", EXPIRY));
        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 1; i < 300; i++) {
                store.write("default", Logins.login("https://idp.example", "at-" + i, "rt-" + "x".repeat(i * 10), EXPIRY));
            }
            writing.set(false);
        });
        int reads = 0;
        while (writing.get()) {
            assertThat(store.read("default")).isPresent();
            reads++;
        }
        writer.get(60, TimeUnit.SECONDS);
        assertThat(reads).isPositive();
    }

    @Test
    void aDamagedFileIsAStoreErrorThatNamesNoSecret() throws Exception {
        TokenStore store = store(Duration.ofSeconds(1));
        store.write("default", Logins.login("https://idp.example", "at-secret-value", "rt", EXPIRY));
        Path file = home.resolve("profiles/default.json");
        Files.writeString(file, Files.readString(file).substring(0, 60));

        assertThatThrownBy(() -> store.read("default"))
                .isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.STORE))
                .hasMessageContaining("damaged")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("at-secret-value"));
    }

    @Test
    void profileNamesCannotEscapeTheStore() {
        TokenStore store = store(Duration.ofSeconds(1));
        for (String bad : new String[] {"../x", "a/b", ".hidden", "", "x".repeat(65)}) {
            assertThatThrownBy(() -> store.read(bad)).isInstanceOfSatisfying(JLoginException.class,
                    e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.CONFIGURATION));
        }
    }

    @Test
    void deleteTokensKeepsTheSettingsAndTheLockFile() {
        TokenStore store = store(Duration.ofSeconds(1));
        try (ProfileLock lock = store.lock("default")) {
            store.write("default", Logins.login("https://idp.example", "a", "r", EXPIRY));
            assertThat(store.deleteTokens("default")).isTrue();
        }
        assertThat(store.read("default")).isEmpty();
        assertThat(store.settings("default")).hasValueSatisfying(s -> assertThat(s.issuer()).contains("https://idp.example"));
        assertThat(store.profiles()).containsExactly("default");
        try (ProfileLock lock = store.lock("default")) {
            assertThat(store.deleteTokens("default")).isFalse();
        }
        assertThat(store.deleteTokens("never-logged-in")).isFalse();
        assertThat(home.resolve("profiles/default.lock")).exists();
    }

    @Test
    void theLockExcludesOtherThreadsUntilReleased() throws Exception {
        TokenStore store = store(Duration.ofSeconds(30));
        CountDownLatch acquired = new CountDownLatch(1);
        CompletableFuture<Void> second;
        try (ProfileLock lock = store.lock("default")) {
            second = CompletableFuture.runAsync(() -> {
                try (ProfileLock other = store.lock("default")) {
                    acquired.countDown();
                }
            });
            assertThat(acquired.await(300, TimeUnit.MILLISECONDS)).isFalse();
        }
        second.get(10, TimeUnit.SECONDS);
        assertThat(acquired.getCount()).isZero();
    }

    @Test
    void aLockHeldByAnotherProcessTimesOutWithAStoreError() throws Exception {
        Process holder = HoldProfileLock.start(home);
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");

            assertThatThrownBy(() -> store(Duration.ofMillis(300)).lock("default"))
                    .isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.STORE))
                    .hasMessageContaining("timed out").hasMessageContaining("another jlogin process");

            holder.getOutputStream().close(); // tells the holder to release
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                try (ProfileLock lock = store(Duration.ofMillis(200)).lock("default")) {
                    assertThat(lock).isNotNull();
                }
            });
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void lockFileSurvivesAndIsNotInTheWayOfReaders() {
        File lock = home.resolve("profiles/default.lock").toFile();
        TokenStore store = store(Duration.ofSeconds(1));
        try (ProfileLock l = store.lock("default")) {
            assertThat(store.read("default")).isEmpty();
        }
        assertThat(lock).exists();
    }
}
