package dev.jlogin.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.jlogin.JLoginException;
import dev.jlogin.config.Settings;
import dev.jlogin.http.HttpTransport;
import dev.jlogin.oauth.Discovery;
import dev.jlogin.oauth.TokenEndpoint;
import dev.jlogin.store.MetadataCache;
import dev.jlogin.store.ProfileLock;
import dev.jlogin.store.StoredLogin;
import dev.jlogin.store.TokenStore;
import dev.jlogin.testing.FakeAuthorizationServer;
import dev.jlogin.testing.FakeAuthorizationServer.Reply;
import dev.jlogin.testing.Logins;
import dev.jlogin.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenManagerTest {
    private final MutableClock clock = new MutableClock();
    private final FakeAuthorizationServer server = new FakeAuthorizationServer(clock);

    @TempDir
    Path home;

    @AfterEach
    void stop() {
        server.close();
    }

    private Settings settings() {
        return new Settings("default", Optional.of(server.issuer()), "cli", Optional.empty(), Optional.of("openid"),
                Map.of(), Map.of());
    }

    private TokenStore store() {
        return new TokenStore(home, Duration.ofSeconds(5));
    }

    private TokenManager manager() {
        HttpTransport http = new HttpTransport();
        return new TokenManager(store(), settings(),
                new MetadataResolver(new Discovery(http), new MetadataCache(home, clock)), new TokenEndpoint(http, clock), clock);
    }

    /** Logs in for real against the fake server, so that its refresh token is one it knows. */
    private StoredLogin loggedIn() {
        server.approve();
        var result = new TokenEndpoint(new HttpTransport(), clock).pollDeviceCode(
                java.net.URI.create(server.issuer() + "/token"), settings().client(), dev.jlogin.Secret.of("dc"));
        StoredLogin login = settings().login(((dev.jlogin.oauth.TokenResult.Granted) result).tokens());
        store().write("default", login);
        return login;
    }

    @Test
    void aValidTokenCostsNoRequestAtAll() {
        StoredLogin login = loggedIn();
        int before = server.requests().size();

        StoredLogin valid = manager().valid(Duration.ofSeconds(60));

        assertThat(valid).isEqualTo(login);
        assertThat(server.requests()).hasSize(before);
    }

    @Test
    void anExpiringTokenIsRefreshedAndTheRotatedRefreshTokenStored() {
        StoredLogin login = loggedIn();
        clock.advance(Duration.ofSeconds(250));

        StoredLogin refreshed = manager().valid(Duration.ofSeconds(60));

        assertThat(refreshed.tokens().accessToken()).isNotEqualTo(login.tokens().accessToken());
        assertThat(refreshed.tokens().refreshToken()).isNotEqualTo(login.tokens().refreshToken());
        assertThat(store().read("default")).contains(refreshed);
        assertThat(server.refreshes()).hasSize(1);
    }

    /** The file store, failing the way a full or read-only disk does: at the probe, or only at the real write. */
    private static final class FullDisk implements dev.jlogin.store.SecretBackend {
        private final dev.jlogin.store.SecretBackend disk;
        final boolean probeFails;

        FullDisk(Path home, boolean probeFails) {
            this.disk = new dev.jlogin.store.FileBackend(home.resolve("profiles"), System.err::println);
            this.probeFails = probeFails;
        }

        @Override
        public String describe() {
            return disk.describe();
        }

        @Override
        public String protection() {
            return disk.protection();
        }

        @Override
        public Optional<String> read(String profile) throws java.io.IOException {
            return disk.read(profile);
        }

        @Override
        public void write(String profile, byte[] content) throws java.io.IOException {
            throw new java.io.IOException("No space left on device");
        }

        @Override
        public void checkWritable(String profile) throws java.io.IOException {
            if (probeFails) {
                throw new java.io.IOException("No space left on device");
            }
            disk.checkWritable(profile);
        }
    }

    private TokenManager manager(TokenStore store) {
        HttpTransport http = new HttpTransport();
        return new TokenManager(store, settings(),
                new MetadataResolver(new Discovery(http), new MetadataCache(home, clock)), new TokenEndpoint(http, clock), clock);
    }

    @Test
    void aStoreThatCannotBeWrittenIsFoundBeforeTheRefreshTokenIsSpent() {
        StoredLogin login = loggedIn();
        clock.advance(Duration.ofSeconds(250));
        TokenStore full = new TokenStore(home, Duration.ofSeconds(5), new FullDisk(home, true));

        assertThatThrownBy(() -> manager(full).valid(Duration.ofSeconds(60)))
                .isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.STORE))
                .hasMessageContaining("No space left on device").hasMessageContaining("nothing was sent to the server");
        assertThat(server.refreshes()).isEmpty();
        assertThat(server.acceptsRefreshToken(login.tokens().refreshToken().get().reveal())).isTrue();
    }

    @Test
    void aRotatedPairThatCannotBeStoredIsKeptInARecoveryFile() throws Exception {
        loggedIn();
        clock.advance(Duration.ofSeconds(250));
        TokenStore full = new TokenStore(home, Duration.ofSeconds(5), new FullDisk(home, false));

        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> manager(full).valid(Duration.ofSeconds(60)));

        assertThat(failure).isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.STORE))
                .hasMessageContaining("No space left on device").hasMessageContaining("rotated");
        java.util.regex.Matcher kept = java.util.regex.Pattern.compile("kept in (\\S+?);").matcher(failure.getMessage());
        assertThat(kept.find()).as(failure.getMessage()).isTrue();
        Path recovery = Path.of(kept.group(1));
        try {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(recovery)))
                    .isEqualTo("rw-------");
            dev.jlogin.store.MemoryBackend memory = new dev.jlogin.store.MemoryBackend();
            memory.write("default", java.nio.file.Files.readAllBytes(recovery));
            StoredLogin rescued = new TokenStore(home, Duration.ofSeconds(5), memory).read("default").get();
            assertThat(server.acceptsRefreshToken(rescued.tokens().refreshToken().get().reveal())).isTrue();
            assertThat(server.refreshes()).hasSize(1);
        } finally {
            java.nio.file.Files.deleteIfExists(recovery);
        }
    }

    @Test
    void discoveryIsCachedAcrossManagers() {
        loggedIn();
        manager().refresh();
        manager().refresh();

        assertThat(server.requests("/issuer/.well-known/openid-configuration")).hasSize(1);
        assertThat(server.refreshes()).hasSize(2);
    }

    /**
     * Asks for a token valid for {@code minValid} while the lock is held elsewhere; once the call
     * has read the store and waits for the lock, "another process" writes {@code newer}.
     */
    private StoredLogin validWhileAnotherProcessRefreshes(Duration minValid, StoredLogin newer) throws Exception {
        CompletableFuture<StoredLogin> waiter;
        Thread[] thread = new Thread[1];
        try (ProfileLock held = store().lock("default")) {
            waiter = CompletableFuture.supplyAsync(() -> {
                thread[0] = Thread.currentThread();
                return manager().valid(minValid);
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> thread[0] != null
                    && thread[0].getState() == Thread.State.TIMED_WAITING);
            store().write("default", newer);
        }
        return waiter.get(10, TimeUnit.SECONDS);
    }

    /** Discovery may be a request of its own: done before the lock, a waiter waits for one token request at most. */
    @Test
    void theServersEndpointsAreDiscoveredBeforeTheLockIsTaken() throws Exception {
        loggedIn();
        clock.advance(Duration.ofSeconds(301));
        CompletableFuture<StoredLogin> waiter;
        try (ProfileLock held = store().lock("default")) {
            waiter = CompletableFuture.supplyAsync(() -> manager().valid(Duration.ofSeconds(60)));
            await().atMost(Duration.ofSeconds(10)).until(() -> server.requests().stream()
                    .anyMatch(r -> r.path().contains("/.well-known/")));
            assertThat(server.refreshes()).isEmpty();
        }
        assertThat(waiter.get(10, TimeUnit.SECONDS).tokens().isValidFor(Duration.ofSeconds(60), clock.instant())).isTrue();
        assertThat(server.refreshes()).hasSize(1);
    }

    @Test
    void theStoreIsReadAgainOnceTheLockIsTaken() throws Exception {
        loggedIn();
        clock.advance(Duration.ofSeconds(250));

        StoredLogin result = validWhileAnotherProcessRefreshes(Duration.ofSeconds(60),
                Logins.login(server.issuer(), "at-newer", "rt-newer", clock.instant().plusSeconds(300)));

        assertThat(result.tokens().accessToken().reveal()).isEqualTo("at-newer");
        assertThat(server.refreshes()).isEmpty();
    }

    @Test
    void aRefreshMadeWhileWaitingIsUsedEvenWhenItsTokenLivesLessThanTheMargin() throws Exception {
        server.accessTokenLifetime(60);
        loggedIn();
        clock.advance(Duration.ofSeconds(50));

        StoredLogin result = validWhileAnotherProcessRefreshes(Duration.ofSeconds(60),
                Logins.login(server.issuer(), "at-newer", "rt-newer", clock.instant().plusSeconds(60)));

        assertThat(result.tokens().accessToken().reveal()).isEqualTo("at-newer");
        assertThat(server.refreshes()).isEmpty();
    }

    @Test
    void aRotationByAnotherProcessIsTakenFromTheStoreInsteadOfFailing() {
        StoredLogin login = loggedIn();
        clock.advance(Duration.ofSeconds(250));
        // another process, not waiting for our lock, rotates first: the server no longer knows our refresh token
        server.beforeRefresh(() -> store().write("default",
                Logins.login(server.issuer(), "at-rotated", "rt-rotated", clock.instant().plusSeconds(300))));
        server.enqueueTokenReplies(Reply.error(400, "invalid_grant"));

        StoredLogin result = manager().valid(Duration.ofSeconds(60));

        assertThat(result.tokens().accessToken().reveal()).isEqualTo("at-rotated");
        assertThat(result.tokens().refreshToken()).isNotEqualTo(login.tokens().refreshToken());
    }

    @Test
    void aRejectedRefreshMeansLoginRequiredAndKeepsTheStore() {
        loggedIn();
        clock.advance(Duration.ofSeconds(400));
        server.enqueueTokenReplies(Reply.error(400, "invalid_grant"));

        assertThatThrownBy(() -> manager().valid(Duration.ofSeconds(60)))
                .isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.LOGIN_REQUIRED));
        assertThat(store().read("default")).isPresent();
    }

    @Test
    void noStoredLoginMeansLoginRequired() {
        assertThatThrownBy(() -> manager().valid(Duration.ZERO))
                .isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.LOGIN_REQUIRED))
                .hasMessageContaining("not logged in (profile");
    }

    @Test
    void aLoginForAnotherIssuerIsNotHandedOut() {
        store().write("default", Logins.login("https://other.example", "a", "r", clock.instant().plusSeconds(300)));

        assertThatThrownBy(() -> manager().valid(Duration.ZERO))
                .isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.LOGIN_REQUIRED))
                .hasMessageContaining("https://other.example");
    }
}
