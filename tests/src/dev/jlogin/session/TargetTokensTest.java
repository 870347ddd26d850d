package dev.jlogin.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jlogin.JLoginException;
import dev.jlogin.oauth.TokenRequest;
import dev.jlogin.store.StoredLogin;
import dev.jlogin.store.TokenStore;
import dev.jlogin.testing.FakeAuthorizationServer;
import dev.jlogin.testing.MutableClock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tokens for other APIs from one login (RFC 8693 token exchange, RFC 8707 resource on refresh),
 * against the fake server: which request each setting makes, what is kept, what is refused.
 */
class TargetTokensTest {
    private static final TokenRequest ORDERS = TokenRequest.audience("orders-api");
    private final MutableClock clock = new MutableClock();
    private final FakeAuthorizationServer server = new FakeAuthorizationServer(clock);

    @TempDir
    Path home;

    @AfterEach
    void stop() {
        server.close();
    }

    private JLogin jl(String provider) {
        Properties properties = new Properties();
        properties.setProperty("jlogin.issuer", server.issuer());
        properties.setProperty("jlogin.client-id", "cli");
        properties.setProperty("jlogin.provider", provider);
        // Google insists on the client's secret even for a device client
        Map<String, String> variables = provider.equals("google")
                ? Map.of("JLOGIN_HOME", home.toString(), "JLOGIN_CLIENT_SECRET", "not-so-secret") : Map.of("JLOGIN_HOME", home.toString());
        return JLogin.builder().environment(variables, properties).clock(clock)
                .sleeper(duration -> { }).notices(notice -> { }).prompts(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                .build();
    }

    private JLogin loggedIn(String provider) {
        JLogin jl = jl(provider);
        jl.login((authorization, issuedAt) -> server.approve());
        return jl;
    }

    private StoredLogin stored() {
        return new TokenStore(home, Duration.ofSeconds(5)).read("default").orElseThrow();
    }

    @Test
    void aServerThatExchangesTokensGetsTheLoginsAccessTokenAsSubjectAndTheTokenIsKeptApart() {
        server.offerTokenExchange();
        JLogin jl = loggedIn("oidc");
        StoredLogin before = stored();

        AccessToken token = jl.token(ORDERS);

        assertThat(server.exchanges()).singleElement().satisfies(exchange -> {
            assertThat(exchange.form()).containsEntry("subject_token", before.tokens().accessToken().reveal())
                    .containsEntry("subject_token_type", "urn:ietf:params:oauth:token-type:access_token")
                    .containsEntry("requested_token_type", "urn:ietf:params:oauth:token-type:access_token")
                    .containsEntry("audience", "orders-api").containsEntry("client_id", "cli");
        });
        assertThat(server.targetOf(token.value().reveal())).contains(Map.of("audience", "orders-api"));
        StoredLogin after = stored();
        assertThat(after.tokens()).isEqualTo(before.tokens());
        assertThat(after.targets().get(ORDERS).accessToken()).isEqualTo(token.value());
        assertThat(after.targets().get(ORDERS).refreshToken()).isEmpty();
        assertThat(jl.token().value()).isEqualTo(before.tokens().accessToken());
    }

    /** The lifecycle log tells a platform team which APIs a login got tokens for, and how; never a token. */
    @Test
    void theLifecycleLogRecordsEachTokenForAnApiAndEachRefusal() throws Exception {
        server.offerTokenExchange();
        server.allowTargets("orders-api");
        JLogin jl = loggedIn("oidc");
        AccessToken orders = jl.token(ORDERS);
        assertThatThrownBy(() -> jl.token(TokenRequest.audience("payroll-api"))).isInstanceOf(JLoginException.class);

        String log = java.nio.file.Files.readString(home.resolve("log/lifecycle.jsonl"));

        assertThat(log).contains("\"event\":\"target\"", "\"audience\":\"orders-api\"", "\"grant\":\"token_exchange\"",
                "\"event\":\"target_refused\"", "\"audience\":\"payroll-api\"", "\"error\":\"invalid_target\"");
        assertThat(log).doesNotContain(orders.value().reveal());
    }

    @Test
    void aKeptTokenIsReusedWithoutARequestUntilItExpiresWithinMinValid() {
        server.offerTokenExchange();
        JLogin jl = loggedIn("oidc");
        AccessToken first = jl.token(ORDERS);
        int requests = server.requests().size();

        assertThat(jl.token(ORDERS).value()).isEqualTo(first.value());
        assertThat(server.requests()).hasSize(requests);

        clock.advance(Duration.ofSeconds(300 - 59));
        AccessToken renewed = jl.token(ORDERS);
        assertThat(renewed.value()).isNotEqualTo(first.value());
        assertThat(server.exchanges()).hasSize(2);
    }

    @Test
    void anExpiredLoginTokenIsRefreshedBeforeItIsSentAsTheSubject() {
        server.offerTokenExchange();
        JLogin jl = loggedIn("oidc");
        StoredLogin before = stored();
        clock.advance(Duration.ofSeconds(301));

        jl.token(ORDERS);

        assertThat(server.refreshes()).hasSize(1);
        String subject = server.exchanges().get(0).form().get("subject_token");
        assertThat(subject).isNotEqualTo(before.tokens().accessToken().reveal()).isEqualTo(stored().tokens().accessToken().reveal());
    }

    @Test
    void eachRequestHasItsOwnTokenAndWhoamiListsThemWithoutTokens() {
        server.offerTokenExchange();
        JLogin jl = loggedIn("oidc");
        TokenRequest reports = TokenRequest.audience("reports-api").withScope("read");

        AccessToken orders = jl.token(ORDERS);
        AccessToken read = jl.token(reports);

        assertThat(orders.value()).isNotEqualTo(read.value());
        assertThat(server.targetOf(read.value().reveal())).contains(Map.of("audience", "reports-api", "scope", "read"));
        Login who = jl.whoami();
        assertThat(who.targets()).extracting(Login.Target::request).containsExactly(ORDERS, reports);
        assertThat(who.toString()).doesNotContain(orders.value().reveal());
    }

    @Test
    void withoutTokenExchangeAResourceIsAskedForOnRefreshAndARotatedRefreshTokenKept() {
        JLogin jl = loggedIn("oidc");
        StoredLogin before = stored();
        TokenRequest api = TokenRequest.resource(URI.create("https://orders.example.com/"));

        AccessToken token = jl.token(api);

        assertThat(server.refreshes()).singleElement().satisfies(refresh ->
                assertThat(refresh.form()).containsEntry("resource", "https://orders.example.com/").doesNotContainKey("audience"));
        assertThat(server.targetOf(token.value().reveal())).contains(Map.of("resource", "https://orders.example.com/"));
        StoredLogin after = stored();
        assertThat(after.tokens().accessToken()).isEqualTo(before.tokens().accessToken());
        assertThat(after.tokens().refreshToken()).isNotEqualTo(before.tokens().refreshToken());
        assertThat(server.acceptsRefreshToken(after.tokens().refreshToken().orElseThrow().reveal())).isTrue();
    }

    @Test
    void withoutTokenExchangeAnAudienceIsRefusedInOneLineAndNothingIsSent() {
        JLogin jl = loggedIn("oidc");
        int requests = server.requests().size();

        assertThatThrownBy(() -> jl.token(ORDERS)).isInstanceOfSatisfying(JLoginException.class, e -> {
            assertThat(e.kind()).isEqualTo(JLoginException.Kind.CONFIGURATION);
            assertThat(e.getMessage()).startsWith("no token for audience orders-api: the server does not offer token exchange")
                    .contains("client 'cli'").doesNotContain("\n");
        });
        assertThat(server.requests()).hasSize(requests);
        assertThat(stored().targets()).isEmpty();
    }

    @Test
    void aRefusedTargetSaysWhatToEnableWithTheOAuthCodeAndNeverHandsOutTheLoginsToken() {
        server.offerTokenExchange();
        server.allowTargets("orders-api");
        JLogin jl = loggedIn("oidc");
        String own = stored().tokens().accessToken().reveal();

        assertThatThrownBy(() -> jl.token(TokenRequest.audience("payroll-api"))).isInstanceOfSatisfying(JLoginException.class, e -> {
            assertThat(e.kind()).isEqualTo(JLoginException.Kind.CONFIGURATION);
            assertThat(e.oauthError()).contains("invalid_target");
            assertThat(e.getMessage()).startsWith("the server refused a token for audience payroll-api; ask the platform team to"
                    + " enable token exchange for client 'cli'").doesNotContain(own);
        });
        assertThat(stored().targets()).isEmpty();
    }

    @Test
    void logoutRemovesEveryTokenForOtherApis() {
        server.offerTokenExchange();
        JLogin jl = loggedIn("oidc");
        jl.token(ORDERS);

        jl.revoke();

        assertThat(new TokenStore(home, Duration.ofSeconds(5)).read("default")).isEmpty();
        assertThatThrownBy(() -> jl.token(ORDERS)).isInstanceOfSatisfying(JLoginException.class,
                e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.LOGIN_REQUIRED));
    }

    @Test
    void aNewLoginStartsWithoutTheOldLoginsTokensForOtherApis() {
        server.offerTokenExchange();
        JLogin jl = loggedIn("oidc");
        jl.token(ORDERS);

        jl.login((authorization, issuedAt) -> server.approve());

        assertThat(stored().targets()).isEmpty();
    }

    @Test
    void aRefreshOfTheLoginKeepsItsTokensForOtherApis() {
        server.offerTokenExchange();
        JLogin jl = loggedIn("oidc");
        AccessToken orders = jl.token(ORDERS);

        jl.refresh();

        assertThat(stored().targets().get(ORDERS).accessToken()).isEqualTo(orders.value());
    }

    /** Entra names an API by scope: its {@code /.default} unless scopes are given; never token exchange. */
    @Test
    void entraAsksForTheApisDefaultScopeOnRefresh() {
        server.issuerPath("/organizations/v2.0");
        server.offerTokenExchange();
        JLogin jl = loggedIn("entra");

        jl.token(TokenRequest.audience("api://orders"));
        jl.token(TokenRequest.resource(URI.create("https://orders.example.com/")));
        jl.token(TokenRequest.audience("api://orders").withScope("api://orders/Orders.Read"));

        assertThat(server.exchanges()).isEmpty();
        assertThat(server.refreshes()).extracting(r -> r.form().get("scope"))
                .containsExactly("api://orders/.default", "https://orders.example.com/.default", "api://orders/Orders.Read");
    }

    /** Auth0 names an API by its identifier, {@code audience}, on refresh (Multi-Resource Refresh Token). */
    @Test
    void auth0AsksForTheApiByAudienceOnRefresh() {
        JLogin jl = loggedIn("auth0");

        jl.token(TokenRequest.audience("https://orders.example.com/").withScope("read:orders"));

        assertThat(server.refreshes()).singleElement().satisfies(r -> assertThat(r.form())
                .containsEntry("audience", "https://orders.example.com/").containsEntry("scope", "read:orders")
                .doesNotContainKey("resource"));
    }

    @Test
    void googleNarrowsScopesOnlyAndRefusesAnAudience() {
        JLogin jl = loggedIn("google");

        jl.token(TokenRequest.scope("openid"));
        assertThat(server.refreshes()).singleElement().satisfies(r -> assertThat(r.form()).containsEntry("scope", "openid"));

        assertThatThrownBy(() -> jl.token(ORDERS)).isInstanceOfSatisfying(JLoginException.class, e -> {
            assertThat(e.kind()).isEqualTo(JLoginException.Kind.CONFIGURATION);
            assertThat(e.getMessage()).contains("Google's access tokens name scopes, not an audience");
        });
    }

    /** A runbook's calls to another API carry that API's token; a refused one is replaced and the call made once more. */
    @Test
    void httpForAnApiSendsItsTokenAndRenewsItOnA401() throws Exception {
        server.offerTokenExchange();
        JLogin jl = loggedIn("oidc");
        AuthorizedHttp orders = jl.http(ORDERS);
        int before = server.requests("/issuer/userinfo").size(); // the login asked who logged in

        assertThat(orders.get(server.issuer() + "/userinfo").status()).isEqualTo(200);
        String sent = server.requests("/issuer/userinfo").get(before).authorization();
        assertThat(server.targetOf(sent.substring("Bearer ".length()))).contains(Map.of("audience", "orders-api"));
        // the API stops taking it (revoked there) before it expires
        java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create(server.issuer() + "/revoke"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("client_id=cli&token=" + sent.substring(7))).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());

        assertThat(orders.get(server.issuer() + "/userinfo").status()).isEqualTo(200);
        assertThat(server.exchanges()).hasSize(2);
        String renewed = server.requests("/issuer/userinfo").get(before + 2).authorization();
        assertThat(renewed).isNotEqualTo(sent);
        assertThat(server.targetOf(renewed.substring(7))).contains(Map.of("audience", "orders-api"));
    }

    /** The organisation's policy lists the scopes a login may ask for: a token for another API may not ask for more. */
    @Test
    void aScopeThePolicyDoesNotAllowIsRefusedBeforeAnyRequest() {
        server.offerTokenExchange();
        JLogin jl = loggedIn("oidc");
        Properties properties = new Properties();
        properties.setProperty("jlogin.issuer", server.issuer());
        properties.setProperty("jlogin.client-id", "cli");
        properties.setProperty("jlogin.policy.scopes", "openid profile email read");
        JLogin governed = JLogin.builder().environment(Map.of("JLOGIN_HOME", home.toString()), properties).clock(clock).build();
        int requests = server.requests().size();

        assertThatThrownBy(() -> governed.token(ORDERS.withScope("read admin"))).isInstanceOfSatisfying(JLoginException.class, e -> {
            assertThat(e.kind()).isEqualTo(JLoginException.Kind.CONFIGURATION);
            assertThat(e.getMessage()).startsWith("the token for audience orders-api, scope read admin asks for the scope admin,"
                    + " which the organisation's policy forbids (scopes = openid profile email read");
        });
        assertThat(server.requests()).hasSize(requests);
        assertThat(governed.token(ORDERS.withScope("read")).value()).isNotEqualTo(jl.token().value());
    }
}
