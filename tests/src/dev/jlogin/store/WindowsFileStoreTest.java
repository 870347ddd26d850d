package dev.jlogin.store;

import static dev.jlogin.testing.WindowsVolume.acl;
import static dev.jlogin.testing.WindowsVolume.fullControl;
import static dev.jlogin.testing.WindowsVolume.principal;
import static dev.jlogin.testing.WindowsVolume.read;
import static dev.jlogin.testing.WindowsVolume.setAcl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jlogin.JLoginException;
import dev.jlogin.oauth.ServerMetadata;
import dev.jlogin.testing.Logins;
import dev.jlogin.testing.MutableClock;
import dev.jlogin.testing.WindowsVolume;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The file store on Windows, where there are no POSIX permissions: what jlogin creates carries an
 * owner-only ACL, and what it finds must be the user's (or SYSTEM's, or Administrators') and open
 * to no one else. Run on {@link WindowsVolume}, an in-memory stand-in for an NTFS volume.
 */
class WindowsFileStoreTest {
    private static final Instant EXPIRY = Instant.parse("2030-01-01T00:00:00Z");
    private static final String ISSUER = "https://idp.example/realms/acme";

    private final FileSystem volume = WindowsVolume.ntfs();
    private final UserPrincipal me = principal(volume, WindowsVolume.USER);
    private final UserPrincipal everyone = principal(volume, "Everyone");
    private final Path roaming = volume.getPath("C:\\Users\\" + WindowsVolume.USER + "\\AppData\\Roaming");
    private final Path home = roaming.resolve("jlogin");
    private final List<String> warnings = new ArrayList<>();

    @AfterEach
    void closeVolume() throws Exception {
        volume.close();
    }

    private TokenStore store(Duration lockTimeout) {
        return new TokenStore(home, lockTimeout, new FileBackend(home.resolve("profiles"), warnings::add));
    }

    private TokenStore store() {
        return store(Duration.ofSeconds(1));
    }

    private static StoredLogin login(String accessToken) {
        return Logins.login("https://idp.example", accessToken, "rt", EXPIRY);
    }

    private static void assertStoreError(Runnable call, String... message) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.STORE))
                .hasMessageContainingAll(message).satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
    }

    @Test
    void aLoginIsWrittenAndReadBack() throws Exception {
        WindowsVolume.profileFolder(roaming);
        TokenStore store = store();

        store.write("work", login("at-1"));

        assertThat(store.read("work")).contains(login("at-1"));
        assertThat(store.read("other")).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void theHomeProfilesAndTheLoginFileCarryExactlyTheOwnerOnlyEntry() throws Exception {
        List<AclEntry> profileAcl = acl(WindowsVolume.profileFolder(roaming));

        store().write("default", login("a"));

        for (Path created : List.of(home, home.resolve("profiles"), home.resolve("profiles\\default.json"))) {
            assertThat(acl(created)).as(created.toString()).containsExactly(fullControl(me));
        }
        assertThat(acl(roaming)).as("a folder jlogin did not create").isEqualTo(profileAcl);
    }

    /** Temp files and recovery files are made by writeNew. */
    @Test
    void aNewFileIsOwnerOnly() throws Exception {
        Path folder = Files.createDirectories(volume.getPath("C:\\Temp"));

        SecureFiles.writeNew(folder.resolve("recovered.json"), new byte[] {'{', '}'});

        assertThat(acl(folder.resolve("recovered.json"))).containsExactly(fullControl(me));
    }

    @Test
    void anExistingPrivateHomeIsUsedAndLeftAsItIs() throws Exception {
        List<AclEntry> homeAcl = acl(WindowsVolume.profileFolder(home));

        store().write("default", login("a"));

        assertThat(store().read("default")).contains(login("a"));
        assertThat(acl(home)).isEqualTo(homeAcl);
        assertThat(acl(home.resolve("profiles"))).containsExactly(fullControl(me));
    }

    @Test
    void aHomeThatLetsEveryoneReadIsRefusedAndLeftAsItIs() throws Exception {
        WindowsVolume.profileFolder(roaming);
        Files.createDirectory(home);
        List<AclEntry> open = List.of(fullControl(me), read(everyone));
        setAcl(home, open);
        TokenStore store = store();

        assertStoreError(() -> store.write("default", login("a")), home.toString(), "open to other users", "Everyone");
        assertStoreError(() -> store.read("default"), home.toString(), "open to other users", "Everyone");
        assertStoreError(() -> store.lock("default").close(), home.toString(), "open to other users", "Everyone");

        assertThat(acl(home)).isEqualTo(open);
        assertThat(home.resolve("profiles")).doesNotExist();
        assertThat(warnings).isEmpty();
    }

    /** Java reads a null DACL, which lets everyone in, as an empty ACL. */
    @Test
    void aHomeWithoutAclEntriesIsRefused() throws Exception {
        Files.createDirectories(home);
        setAcl(home, List.of());

        assertStoreError(() -> store().write("default", login("a")), home.toString(), "no ACL entries");
        assertThat(acl(home)).isEmpty();
    }

    @Test
    void aHomeOwnedByAnotherUserIsRefused() throws Exception {
        WindowsVolume.profileFolder(home);
        Files.setOwner(home, principal(volume, "OTHER\\mallory"));
        TokenStore store = store();

        assertStoreError(() -> store.write("default", login("a")), home.toString(), "belongs to another user", "OTHER\\mallory");
        assertStoreError(() -> store.read("default"), "belongs to another user");
        assertThat(home.resolve("profiles")).doesNotExist();
    }

    /** An elevated administrator's files belong to Administrators; services' to SYSTEM. */
    @Test
    void whatSystemOrAdministratorsOwnIsTrusted() throws Exception {
        WindowsVolume.profileFolder(roaming);
        store().write("default", login("a"));
        Files.setOwner(home, principal(volume, "BUILTIN\\Administrators"));
        Files.setOwner(home.resolve("profiles\\default.json"), principal(volume, "NT AUTHORITY\\SYSTEM"));

        assertThat(store().read("default")).contains(login("a"));
        assertThat(warnings).isEmpty();
    }

    @Test
    void aLoginFileThatLetsEveryoneReadIsResetToOwnerOnlyWithAWarning() throws Exception {
        WindowsVolume.profileFolder(roaming);
        TokenStore store = store();
        store.write("default", login("a"));
        Path file = home.resolve("profiles\\default.json");
        setAcl(file, List.of(fullControl(me), read(everyone)));

        assertThat(store.read("default")).contains(login("a"));

        assertThat(acl(file)).containsExactly(fullControl(me));
        assertThat(warnings).singleElement().satisfies(w -> assertThat(w)
                .contains(file.toString(), "accessible to other users", "Everyone", "owner-only", "log in again"));
        store.read("default");
        assertThat(warnings).hasSize(1);
    }

    @Test
    void aFileSystemWithoutPermissionsIsRefused() throws Exception {
        try (FileSystem fat = WindowsVolume.fat()) {
            Path fatHome = fat.getPath("D:\\jlogin");
            TokenStore store = new TokenStore(fatHome, Duration.ofSeconds(1), new FileBackend(fatHome.resolve("profiles"),
                    warnings::add));

            assertStoreError(() -> store.write("default", login("a")), "cannot be made private to you",
                    "no permissions", "choose another JLOGIN_HOME");
            assertStoreError(() -> store.read("default"), "cannot be made private to you");
            assertStoreError(() -> store.lock("default").close(), "cannot be made private to you");
            assertThat(fatHome).doesNotExist();
        }
    }

    @Test
    void theProfileLockExcludesOtherThreadsUntilReleased() throws Exception {
        WindowsVolume.profileFolder(roaming);
        try (ProfileLock held = store().lock("default")) {
            CompletableFuture<ProfileLock> waiting = CompletableFuture.supplyAsync(() -> store(Duration.ofMillis(100)).lock("default"));
            assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(JLoginException.class)
                    .hasMessageContaining("timed out");
        }
        CompletableFuture.runAsync(() -> store().lock("default").close()).get(10, TimeUnit.SECONDS);
        assertThat(home.resolve("profiles\\default.lock")).isRegularFile();
    }

    @Test
    void theMetadataCacheKeepsOwnerOnlyEntriesAndIgnoresOpenOnes() throws Exception {
        WindowsVolume.profileFolder(roaming);
        MetadataCache cache = new MetadataCache(home, new MutableClock());
        ServerMetadata metadata = new ServerMetadata(ISSUER, URI.create("https://idp.example/device"),
                URI.create("https://idp.example/token"), Optional.empty(), Optional.empty(), Optional.empty());

        cache.put(ISSUER, metadata);

        assertThat(cache.get(ISSUER)).contains(metadata);
        Path entry;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(home.resolve("cache\\metadata"), "*.json")) {
            entry = entries.iterator().next();
        }
        for (Path created : List.of(home, home.resolve("cache"), home.resolve("cache\\metadata"), entry)) {
            assertThat(acl(created)).as(created.toString()).containsExactly(fullControl(me));
        }
        assertThat(cache.problems()).isEmpty();

        setAcl(entry, List.of(fullControl(me), read(everyone)));
        assertThat(cache.get(ISSUER)).isEmpty();
        assertThat(cache.problems()).singleElement().asString().contains("accessible to other users", "Everyone");
    }
}
