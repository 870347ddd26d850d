package dev.jlogin.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jlogin.JLoginException;
import dev.jlogin.Secret;
import dev.jlogin.http.HttpTransport;
import dev.jlogin.json.JsonObject;
import dev.jlogin.testing.FakeAuthorizationServer;
import dev.jlogin.testing.FakeAuthorizationServer.Reply;
import dev.jlogin.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Token responses (RFC 6749 §5), refresh (§6) and revocation (RFC 7009). */
class TokenEndpointTest {
    private static final Client CLIENT = Client.publicClient("cli");
    private final MutableClock clock = new MutableClock();
    private final FakeAuthorizationServer server = new FakeAuthorizationServer(clock);
    private final TokenEndpoint endpoint = new TokenEndpoint(new HttpTransport(), clock);

    @AfterEach
    void stop() {
        server.close();
    }

    private URI token() {
        return URI.create(server.issuer() + "/token");
    }

    private TokenSet login() {
        server.approve();
        TokenResult result = endpoint.pollDeviceCode(token(), CLIENT, Secret.of("dc"));
        return ((TokenResult.Granted) result).tokens();
    }

    @Test
    void expiresInBecomesAnAbsoluteExpiry() throws Exception {
        TokenSet tokens = TokenSet.fromResponse(JsonObject.parse(
                "{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"expires_in\":300}"), clock);

        assertThat(tokens.expiresAt()).contains(clock.instant().plusSeconds(300));
        assertThat(tokens.isValidFor(Duration.ofSeconds(299), clock.instant())).isTrue();
        assertThat(tokens.isValidFor(Duration.ofSeconds(300), clock.instant())).isFalse();
    }

    /** RFC 6750 §2.1: a bearer token is a b64token; anything else could smuggle header lines into a request. */
    @Test
    void anAccessTokenOutsideTheBearerCharacterSetIsRefused() {
        for (String bad : new String[] {"AT-1\r\nX-Injected: yes", "AT-1\nHost: evil.example", "AT 1", "AT=1", "=", "t\u00e9", "a\u0000"}) {
            assertThatThrownBy(() -> TokenSet.fromResponse(JsonObject.of(Map.of("access_token", bad, "token_type", "Bearer")), clock))
                    .as(bad).isInstanceOf(dev.jlogin.json.MalformedJsonException.class).hasMessageContaining("access_token")
                    .hasMessageNotContaining(bad);
        }
    }

    @Test
    void everyBearerCharacterIsAccepted() throws Exception {
        String token = "AZaz09-._~+/abc==";
        assertThat(TokenSet.fromResponse(JsonObject.of(Map.of("access_token", token, "token_type", "Bearer")), clock)
                .accessToken().reveal()).isEqualTo(token);
    }

    /** RFC 6749 §5.1: token_type is case-insensitive; only Bearer tokens are handed out as such. */
    @Test
    void onlyBearerTokensAreAccepted() throws Exception {
        assertThat(TokenSet.fromResponse(JsonObject.of(Map.of("access_token", "a", "token_type", "BEARER")), clock).tokenType())
                .isEqualTo("BEARER");
        for (String type : new String[] {"DPoP", "mac", "N_A"}) {
            assertThatThrownBy(() -> TokenSet.fromResponse(JsonObject.of(Map.of("access_token", "a", "token_type", type)), clock))
                    .as(type).isInstanceOf(dev.jlogin.json.MalformedJsonException.class).hasMessageContaining("token_type");
        }
    }

    @Test
    void aTokenWithoutExpiryCountsAsValid() throws Exception {
        TokenSet tokens = TokenSet.fromResponse(JsonObject.parse("{\"access_token\":\"a\",\"token_type\":\"bearer\"}"), clock);

        assertThat(tokens.expiresAt()).isEmpty();
        assertThat(tokens.isValidFor(Duration.ofDays(365), clock.instant())).isTrue();
    }

    @Test
    void aTokenResponseWithoutTokenTypeIsMalformed() {
        server.enqueueTokenReplies(Reply.json(200, Map.of("access_token", "a")));

        assertThatThrownBy(() -> endpoint.pollDeviceCode(token(), CLIENT, Secret.of("dc")))
                .isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.SERVER))
                .hasMessageContaining("token_type");
    }

    @Test
    void malformedJsonNeverQuotesTheBody() {
        server.enqueueTokenReplies(Reply.raw(200, "{\"access_token\":\"SECRET-VALUE\", oops"));

        assertThatThrownBy(() -> endpoint.pollDeviceCode(token(), CLIENT, Secret.of("dc")))
                .isInstanceOf(JLoginException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRET-VALUE"))
                .hasNoCause();
    }

    @Test
    void refreshWithRotationReturnsTheNewRefreshToken() {
        TokenSet first = login();
        clock.advance(Duration.ofSeconds(100));

        TokenSet refreshed = endpoint.refresh(token(), CLIENT, first);

        assertThat(refreshed.refreshToken()).isPresent().isNotEqualTo(first.refreshToken());
        assertThat(refreshed.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(refreshed.expiresAt()).contains(clock.instant().plusSeconds(300));
        Map<String, String> form = server.refreshes().get(0).form();
        assertThat(form).containsEntry("grant_type", "refresh_token")
                .containsEntry("refresh_token", first.refreshToken().get().reveal()).containsEntry("client_id", "cli");
    }

    @Test
    void refreshWithoutRotationKeepsTheOldRefreshToken() {
        server.rotateRefreshTokens(false);
        TokenSet first = login();

        TokenSet refreshed = endpoint.refresh(token(), CLIENT, first);

        assertThat(refreshed.refreshToken()).isEqualTo(first.refreshToken());
        assertThat(refreshed.scope()).isEqualTo(first.scope());
    }

    @Test
    void aRejectedRefreshTokenMeansLoginRequired() {
        TokenSet stale = new TokenSet(Secret.of("a"), "Bearer", Optional.of(Secret.of("unknown")), Optional.empty(),
                Optional.of(Instant.EPOCH), Optional.empty());

        assertThatThrownBy(() -> endpoint.refresh(token(), CLIENT, stale))
                .isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.LOGIN_REQUIRED))
                .hasMessage("refresh rejected: invalid_grant: Token is not active");
    }

    @Test
    void noRefreshTokenMeansLoginRequired() {
        TokenSet noRefresh = new TokenSet(Secret.of("a"), "Bearer", Optional.empty(), Optional.empty(),
                Optional.of(Instant.EPOCH), Optional.empty());

        assertThatThrownBy(() -> endpoint.refresh(token(), CLIENT, noRefresh))
                .isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.LOGIN_REQUIRED));
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aServerFailureDuringRefreshIsAServerError() {
        TokenSet first = login();
        server.enqueueTokenReplies(Reply.raw(500, "oops"));

        assertThatThrownBy(() -> endpoint.refresh(token(), CLIENT, first))
                .isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.SERVER));
    }

    @Test
    void revocationSendsTheTokenItsHintAndTheClientId() {
        TokenSet tokens = login();

        new RevocationClient(new HttpTransport()).revoke(URI.create(server.issuer() + "/revoke"), CLIENT,
                tokens.refreshToken().get(), "refresh_token");

        Map<String, String> form = server.requests("/issuer/revoke").get(0).form();
        assertThat(form).containsEntry("token", tokens.refreshToken().get().reveal())
                .containsEntry("token_type_hint", "refresh_token").containsEntry("client_id", "cli");
        assertThat(server.isRevoked(tokens.refreshToken().get().reveal())).isTrue();
    }

    @Test
    void aRefusedRevocationIsAServerError() {
        assertThatThrownBy(() -> new RevocationClient(new HttpTransport()).revoke(URI.create(server.issuer() + "/nowhere"),
                CLIENT, Secret.of("t"), "access_token"))
                .isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.SERVER))
                .hasMessageContaining("404");
    }

    /** A server's odd extra (an interval as text, a description as a number) does not hide the error code it sent. */
    @Test
    void aMalformedIntervalOrDescriptionBesideARealCodeKeepsTheCode() {
        server.enqueueTokenReplies(Reply.json(400, Map.of("error", "slow_down", "interval", "10")),
                Reply.json(400, Map.of("error", "access_denied", "error_description", 42)),
                Reply.json(400, Map.of("error", 7)));

        TokenResult slowDown = endpoint.pollDeviceCode(token(), CLIENT, Secret.of("dc"));
        TokenResult denied = endpoint.pollDeviceCode(token(), CLIENT, Secret.of("dc"));
        TokenResult garbled = endpoint.pollDeviceCode(token(), CLIENT, Secret.of("dc"));

        assertThat(((TokenResult.Rejected) slowDown).error()).isEqualTo(new OAuthError("slow_down", Optional.empty(), Optional.empty()));
        assertThat(((TokenResult.Rejected) denied).error().code()).isEqualTo("access_denied");
        assertThat(((TokenResult.Rejected) garbled).error().code()).isEqualTo("invalid_response");
    }
}
