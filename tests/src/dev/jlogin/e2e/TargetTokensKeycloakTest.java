package dev.jlogin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.Secret;
import dev.jlogin.json.JsonObject;
import dev.jlogin.keycloak.Keycloak;
import dev.jlogin.keycloak.SharedKeycloak;
import dev.jlogin.oauth.SignedJwt;
import dev.jlogin.oauth.TokenRequest;
import dev.jlogin.sandbox.DemoUser;
import dev.jlogin.store.StoredLogin;
import dev.jlogin.testing.FullTier;
import dev.jlogin.testing.JBang;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tokens for another API from one login, against Keycloak's standard token exchange (RFC 8693),
 * enabled on the sandbox's confidential client {@code device-confidential}; the API
 * {@code orders-api} asks Keycloak's introspection endpoint (RFC 7662) whom a token is meant for.
 */
@ExtendWith(SharedKeycloak.class)
@FullTier
class TargetTokensKeycloakTest {
    private static final String API = "orders-api";
    private static final String API_SECRET = "orders-api-secret";

    @TempDir
    Path home;
    private KeycloakLogins logins;
    private Keycloak keycloak;

    @BeforeEach
    void setUp(Keycloak keycloak) {
        this.keycloak = keycloak;
        logins = new KeycloakLogins(keycloak, home);
    }

    private void approvedLogin(String clientId) {
        logins.env.put("JLOGIN_CLIENT_ID", clientId);
        JBang.Result login = logins.login(DemoUser.alice()::approve);
        assertThat(login.exit()).as(login.err()).isZero();
    }

    @Test
    void theExchangedTokenIsMeantForTheApiIsKeptAndIsReusedWithoutARequest() throws Exception {
        logins.env.put("JLOGIN_CLIENT_SECRET", "device-confidential-secret");
        approvedLogin("device-confidential");
        String own = logins.stored().tokens().accessToken().reveal();

        // the sandbox's tokens live 60 s, the default --min-valid: ask for less, or every call would renew it
        JBang.Result first = logins.jbang.run(KeycloakLogins.alias("token"), "--audience", API, "--min-valid", "10", "--verbose");

        assertThat(first.exit()).as(first.err()).isZero();
        String token = first.out().strip();
        assertThat(token.equals(own)).as("the login's own token handed out").isFalse();
        JsonObject introspected = introspect(token);
        assertThat(introspected.bool("active")).contains(true);
        assertThat(audiences(introspected)).contains(API);
        assertThat(introspected.string("azp")).contains("device-confidential");
        // the token itself names the API alone; the login's own names the CLI's client
        assertThat(audiences(SignedJwt.unverifiedClaims(Secret.of(token)).orElseThrow())).containsExactly(API);
        assertThat(audiences(SignedJwt.unverifiedClaims(Secret.of(own)).orElseThrow())).contains("device-confidential");
        assertThat(first.err()).contains("POST " + keycloak.tokenEndpoint()).doesNotContain(token).doesNotContain(own);
        StoredLogin stored = logins.stored();
        assertThat(stored.tokens().accessToken().reveal().equals(own)).as("the login's own token kept").isTrue();
        assertThat(stored.targets().get(TokenRequest.audience(API)).accessToken().reveal().equals(token)).isTrue();

        JBang.Result again = logins.jbang.run(KeycloakLogins.alias("token"), "--audience", API, "--min-valid", "10", "--verbose");

        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out().strip().equals(token)).as("the kept token reused").isTrue();
        assertThat(again.err()).doesNotContain("POST");
        JBang.Result whoami = logins.jbang.run(KeycloakLogins.alias("whoami"));
        assertThat(whoami.out()).contains("other API:     audience " + API + ": valid until");

        JBang.Result revoke = logins.jbang.run(KeycloakLogins.alias("revoke"));
        assertThat(revoke.exit()).as(revoke.err()).isZero();
        assertThat(new dev.jlogin.store.TokenStore(home.resolve("jlogin"), java.time.Duration.ofSeconds(5)).read("default"))
                .isEmpty();
        assertThat(introspect(token).bool("active")).contains(false);
    }

    @Test
    void aPublicClientIsRefusedInOneLineWithExit2AndNoTokenAtAll() {
        approvedLogin("device-public");

        JBang.Result token = logins.jbang.run(KeycloakLogins.alias("token"), "--audience", API);

        assertThat(token.exit()).as(token.err()).isEqualTo(2);
        assertThat(token.out()).isEmpty();
        assertThat(token.err().strip().lines().filter(line -> !line.startsWith("[jbang]"))).hasSize(1);
        assertThat(token.err()).contains("the server refused a token for audience " + API)
                .contains("Standard token exchange").doesNotContain(logins.stored().tokens().accessToken().reveal());
        assertThat(logins.stored().targets()).isEmpty();
    }

    @Test
    void anAudienceKeycloakDoesNotOfferThisClientIsRefusedWithExit2() {
        logins.env.put("JLOGIN_CLIENT_SECRET", "device-confidential-secret");
        approvedLogin("device-confidential");

        JBang.Result token = logins.jbang.run(KeycloakLogins.alias("token"), "--audience", "device-short");

        assertThat(token.exit()).as(token.err()).isEqualTo(2);
        assertThat(token.out()).isEmpty();
        assertThat(token.err()).contains("the server refused a token for audience device-short; ask the platform team");
    }

    /** Keycloak's answer, to the API's own credentials, on whom {@code token} is meant for (RFC 7662). */
    private JsonObject introspect(String token) throws Exception {
        String basic = Base64.getEncoder().encodeToString((API + ":" + API_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(keycloak.tokenEndpoint() + "/introspect"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonObject.parse(response.body());
    }

    /** {@code aud} as a list, whether the server sent one string or an array. */
    private static List<String> audiences(JsonObject claims) {
        Object aud = claims.asMap().get("aud");
        return aud instanceof List<?> list ? list.stream().map(String::valueOf).toList() : aud == null ? List.of() : List.of((String) aud);
    }
}
