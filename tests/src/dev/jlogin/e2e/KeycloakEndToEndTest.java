package dev.jlogin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jlogin.JLoginException;
import dev.jlogin.Secret;
import dev.jlogin.http.HttpTransport;
import dev.jlogin.keycloak.Keycloak;
import dev.jlogin.keycloak.SharedKeycloak;
import dev.jlogin.oauth.Client;
import dev.jlogin.oauth.TokenEndpoint;
import dev.jlogin.oauth.TokenSet;
import dev.jlogin.sandbox.DemoUser;
import dev.jlogin.store.StoredLogin;
import dev.jlogin.testing.FullTier;
import dev.jlogin.testing.JBang;
import dev.jlogin.testing.JsonSchemas;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The scripts against a real Keycloak (the sandbox realm), approved over HTTP by the demo user
 * through Keycloak's own login and consent pages. Each test has its own home and its own Keycloak
 * session (its own demo user's cookies), so they run side by side, but for the one that times a
 * process against the code's expiry.
 */
@ExtendWith(SharedKeycloak.class)
@FullTier
class KeycloakEndToEndTest {
    /** Held by the test that times a login's end; the others, which mostly wait on Keycloak, run side by side. */
    private static final String TIMING = "keycloak-timing";
    @TempDir
    Path home;
    private KeycloakLogins logins;
    private Keycloak keycloak;

    /** JBang does not take two cold builds of one script at once: each script is built once, first. */
    @BeforeAll
    static void compileTheScriptsOnce(@TempDir Path home) {
        new JBang(home, java.util.Map.of()).buildFirst(Stream.of("login", "whoami", "token", "refresh", "revoke")
                .map(KeycloakLogins::alias).toArray(String[]::new));
    }

    @BeforeEach
    void setUp(Keycloak keycloak) {
        this.keycloak = keycloak;
        logins = new KeycloakLogins(keycloak, home);
    }

    private JBang.Result approvedLogin(String... args) {
        JBang.Result login = logins.login(DemoUser.alice()::approve, args);
        assertThat(login.exit()).as(login.err()).isZero();
        return login;
    }

    /** Keycloak's answer to a refresh with {@code refreshToken}, made directly, not through the store. */
    private void assertRefreshTokenRejected(Secret refreshToken) {
        TokenSet old = new TokenSet(Secret.of("unused"), "Bearer", java.util.Optional.of(refreshToken), java.util.Optional.empty(),
                java.util.Optional.of(Instant.EPOCH), java.util.Optional.empty());
        assertThatThrownBy(() -> new TokenEndpoint(new HttpTransport(), Clock.systemUTC())
                .refresh(URI.create(keycloak.tokenEndpoint()), Client.publicClient("device-public"), old))
                .isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.LOGIN_REQUIRED))
                .hasMessageContaining("invalid_grant");
    }

    private int userinfoStatus(String accessToken) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create(keycloak.userinfo()))
                .header("Authorization", "Bearer " + accessToken).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    @ResourceLock(value = TIMING, mode = ResourceAccessMode.READ)
    void loginThenWhoamiShowsTheDemoUserFromUserinfo() {
        JBang.Result login = approvedLogin("--verbose");
        assertThat(login.out()).contains("\"email\":\"alice@example.com\"").contains("\"identity_source\":\"userinfo\"");
        assertThat(login.err()).doesNotContain("slow_down");

        JBang.Result whoami = logins.jbang.run(KeycloakLogins.alias("whoami"));

        assertThat(whoami.exit()).as(whoami.err()).isZero();
        assertThat(whoami.out()).contains("Alice Tester <alice@example.com> [alice]").contains(keycloak.issuer());
        // Keycloak signs RS256 with the realm key its jwks_uri publishes; the login verified it before storing it
        assertThat(login.out()).contains("\"id_token\":\"verified\"");
        assertThat(whoami.out()).contains("ID token:      verified (RS256 signature by the issuer's key");
        JBang.Result json = logins.jbang.run(KeycloakLogins.alias("whoami"), "--json");
        assertThat(json.out()).contains("\"id_token\":\"verified\"").doesNotContain("id_token_problem");
        StoredLogin stored = logins.stored();
        assertThat(stored.tokens().idToken()).isPresent();
        assertThat(login.both() + whoami.both() + json.both()).doesNotContain(stored.tokens().accessToken().reveal())
                .doesNotContain(stored.tokens().refreshToken().orElseThrow().reveal())
                .doesNotContain(stored.tokens().idToken().orElseThrow().reveal());
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    @ResourceLock(value = TIMING, mode = ResourceAccessMode.READ)
    void theKeycloakPresetWithTheRealmUrlLogsInRefreshesAndRevokes() throws Exception {
        JBang.Result login = approvedLogin("--provider", "keycloak");
        StoredLogin stored = logins.stored();
        assertThat(stored.provider()).isEqualTo("keycloak");
        assertThat(stored.issuer()).contains(keycloak.issuer());
        // the preset leaves offline_access out: it would make an offline session, which outlives logging out
        assertThat(stored.tokens().scope().orElseThrow()).contains("openid").doesNotContain("offline_access");

        // the provider is saved with the profile: the later commands get no --provider
        JBang.Result whoami = logins.jbang.run(KeycloakLogins.alias("whoami"), "--json");
        assertThat(whoami.exit()).as(whoami.err()).isZero();
        JsonSchemas schemas = JsonSchemas.documented();
        schemas.check("login and whoami", login.out().lines().reduce((first, second) -> second).orElseThrow());
        schemas.check("login and whoami", whoami.out().strip());
        assertThat(whoami.out()).contains("\"email\":\"alice@example.com\"").contains("\"identity_source\":\"userinfo\"")
                .contains("\"id_token\":\"verified\"");

        JBang.Result refresh = logins.jbang.run(KeycloakLogins.alias("refresh"));
        assertThat(refresh.exit()).as(refresh.err()).isZero();
        assertThat(refresh.out()).contains("rotated");
        StoredLogin refreshed = logins.stored();
        assertThat(refreshed.provider()).isEqualTo("keycloak");
        assertThat(refreshed.tokens().refreshToken()).isNotEqualTo(stored.tokens().refreshToken());

        JBang.Result revoke = logins.jbang.run(KeycloakLogins.alias("revoke"));
        assertThat(revoke.exit()).as(revoke.err()).isZero();
        assertThat(revoke.out()).contains("refresh token: revoked").contains("access token:  revoked");
        assertRefreshTokenRejected(refreshed.tokens().refreshToken().orElseThrow());
        assertThat(userinfoStatus(refreshed.tokens().accessToken().reveal())).isEqualTo(401);
        assertThat(login.both() + whoami.both() + refresh.both() + revoke.both())
                .doesNotContain(refreshed.tokens().refreshToken().orElseThrow().reveal())
                .doesNotContain(stored.tokens().accessToken().reveal());
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    @ResourceLock(value = TIMING, mode = ResourceAccessMode.READ)
    void thePrintedTokenIsAcceptedAndMinValidForcesARefresh() throws Exception {
        approvedLogin();
        StoredLogin before = logins.stored();

        // the sandbox's access tokens live 60 s, so the default --min-valid of 60 s would refresh already
        JBang.Result token = logins.jbang.run(KeycloakLogins.alias("token"), "--min-valid", "10");
        assertThat(token.exit()).as(token.err()).isZero();
        assertThat(token.out().strip()).isEqualTo(before.tokens().accessToken().reveal());
        assertThat(userinfoStatus(token.out().strip())).isEqualTo(200);

        // asking for 120 s of validity must refresh
        JBang.Result fresh = logins.jbang.run(KeycloakLogins.alias("token"), "--min-valid", "120");
        assertThat(fresh.exit()).as(fresh.err()).isZero();
        assertThat(fresh.out().strip()).isNotEqualTo(token.out().strip()).isEqualTo(logins.stored().tokens().accessToken().reveal());
        assertThat(logins.stored().tokens().refreshToken()).isNotEqualTo(before.tokens().refreshToken());
        assertThat(userinfoStatus(fresh.out().strip())).isEqualTo(200);
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    @ResourceLock(value = TIMING, mode = ResourceAccessMode.READ)
    void refreshRotatesTheRefreshTokenAndKeycloakRejectsTheOldOne() {
        approvedLogin();
        Secret old = logins.stored().tokens().refreshToken().orElseThrow();

        JBang.Result refresh = logins.jbang.run(KeycloakLogins.alias("refresh"));

        assertThat(refresh.exit()).as(refresh.err()).isZero();
        assertThat(refresh.out()).contains("rotated");
        Secret rotated = logins.stored().tokens().refreshToken().orElseThrow();
        assertThat(rotated).isNotEqualTo(old);
        assertThat(refresh.both()).doesNotContain(rotated.reveal()).doesNotContain(old.reveal());
        assertRefreshTokenRejected(old);
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    @ResourceLock(value = TIMING, mode = ResourceAccessMode.READ)
    void revokeEndsTheSessionAtKeycloakAndTokenThenNeedsALogin() throws Exception {
        approvedLogin();
        StoredLogin before = logins.stored();

        JBang.Result revoke = logins.jbang.run(KeycloakLogins.alias("revoke"));

        assertThat(revoke.exit()).as(revoke.err()).isZero();
        assertThat(revoke.out()).contains("refresh token: revoked").contains("access token:  revoked").contains("deleted");
        assertRefreshTokenRejected(before.tokens().refreshToken().orElseThrow());
        assertThat(userinfoStatus(before.tokens().accessToken().reveal())).isEqualTo(401);
        JBang.Result token = logins.jbang.run(KeycloakLogins.alias("token"));
        assertThat(token.exit()).isEqualTo(3);
        assertThat(token.out()).isEmpty();
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    @ResourceLock(value = TIMING, mode = ResourceAccessMode.READ)
    void concurrentTokenCallsRefreshOnceAndKeepTheSessionAlive() throws Exception {
        approvedLogin();
        StoredLogin login = logins.stored();
        // make the stored access token look expired, so that every process wants to refresh
        new dev.jlogin.store.TokenStore(home.resolve("jlogin"), Duration.ofSeconds(5)).write("default",
                login.withTokens(new TokenSet(login.tokens().accessToken(), login.tokens().tokenType(),
                        login.tokens().refreshToken(), login.tokens().idToken(), java.util.Optional.of(Instant.now().minusSeconds(1)),
                        login.tokens().scope())));

        // the sandbox's access tokens live 60 s: with the default --min-valid of 60 s a process that
        // starts after the refresh would rightly refresh once more, so ask for 10 s of validity
        java.util.List<JBang.Running> running = new java.util.ArrayList<>();
        for (int i = 0; i < dev.jlogin.scripts.ConcurrentTokenTest.PROCESSES; i++) {
            running.add(logins.jbang.start(KeycloakLogins.alias("token"), "--min-valid", "10"));
        }
        java.util.List<JBang.Result> results = running.stream().map(JBang.Running::await).toList();

        assertThat(results).allSatisfy(r -> assertThat(r.exit()).as(r.err()).isZero());
        // one refresh: every process printed the same new token. Two refreshes would have reused a
        // spent refresh token, which makes Keycloak end the session and reject the tokens.
        assertThat(results.stream().map(r -> r.out().strip()).distinct()).hasSize(1);
        String token = results.get(0).out().strip();
        assertThat(token).isNotEqualTo(login.tokens().accessToken().reveal());
        assertThat(userinfoStatus(token)).isEqualTo(200);
        assertThat(logins.jbang.run(KeycloakLogins.alias("refresh")).exit()).isZero();
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    @ResourceLock(value = TIMING, mode = ResourceAccessMode.READ)
    void denyingOnTheConsentPageExits4() {
        JBang.Result login = logins.login(DemoUser.alice()::deny);

        assertThat(login.exit()).as(login.err()).isEqualTo(4);
        assertThat(login.err()).contains("denied");
    }

    @Test
    @ResourceLock(value = TIMING, mode = ResourceAccessMode.READ_WRITE) // alone: it times the process
    void theShortLivedClientsCodeExpiresWithExit5WithoutPollingPastTheDeadline() {
        long start = System.nanoTime();
        JBang.Running running = logins.jbang.start(KeycloakLogins.alias("login"), "--json", "--no-browser", "--verbose",
                "--client-id", "device-short");
        String expiresAt = KeycloakLogins.field(running.nextLine(), "expires_at");
        JBang.Result login = running.await();
        Instant ended = Instant.now();

        assertThat(login.exit()).as(login.err()).isEqualTo(5);
        // no poll after the code's expiry: the process ends by then (plus start-up slack of a second)
        assertThat(ended).isBefore(Instant.parse(expiresAt).plusSeconds(2));
        assertThat(login.err()).contains("* poll: authorization_pending").doesNotContain("slow_down");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(3));
    }
}
