package dev.jlogin.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.JLoginException;
import dev.jlogin.device.DeviceAuthorization;
import dev.jlogin.device.DeviceAuthorizationClient;
import dev.jlogin.http.HttpLog;
import dev.jlogin.http.Loopback;
import dev.jlogin.json.JsonObject;
import dev.jlogin.json.MalformedJsonException;
import dev.jlogin.testing.HostileDocuments;
import dev.jlogin.testing.MutableClock;
import dev.jlogin.testing.SigningKeys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Every parser of server responses, fed hostile inputs (100,000 each per run in the full tier, 2,000 in the
 * fast one: `jqwik.tries.default`; the seed is in the report):
 * the only outcomes allowed are a value that keeps the parser's promises, or its typed error.
 */
class ResponseFuzzTest {
    private final MutableClock clock = new MutableClock();

    @Provide
    Arbitrary<String> deviceResponses() {
        return HostileDocuments.aimedAt(Map.of("device_code", "dc-1", "user_code", "WDJB-MJHT",
                "verification_uri", "https://idp.example/device", "verification_uri_complete",
                "https://idp.example/device?user_code=WDJB-MJHT", "expires_in", 600, "interval", 5));
    }

    @Property
    void deviceAuthorizationResponses(@ForAll("deviceResponses") String text) {
        try {
            DeviceAuthorization parsed = DeviceAuthorizationClient.parse(JsonObject.parse(text), HttpLog.NONE);
            assertThat(parsed.interval()).isBetween(Duration.ofSeconds(1), DeviceAuthorization.MAX_INTERVAL);
            assertThat(parsed.expiresIn()).isBetween(Duration.ofSeconds(1), DeviceAuthorization.MAX_LIFETIME);
            assertThat(parsed.linkToOpen().getScheme()).isIn("http", "https", "HTTP", "HTTPS", "Http", "Https");
            Statistics.collect("parsed");
        } catch (MalformedJsonException | JLoginException e) {
            Statistics.collect("refused");
        }
    }

    @Provide
    Arbitrary<String> tokenResponses() {
        return HostileDocuments.aimedAt(Map.of("access_token", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", "token_type", "Bearer",
                "expires_in", 300, "refresh_token", "rt-1", "id_token", "a.b.c", "scope", "openid email"));
    }

    @Property
    void tokenResponses(@ForAll("tokenResponses") String text) throws Exception {
        try {
            TokenSet parsed = TokenSet.fromResponse(JsonObject.parse(text), clock);
            assertThat(TokenSet.requireBearerToken(parsed.accessToken().reveal())).isNotEmpty();
            assertThat(parsed.tokenType()).isEqualToIgnoringCase("Bearer");
            parsed.expiresAt().ifPresent(at -> assertThat(at).isBeforeOrEqualTo(clock.instant().plus(TokenSet.MAX_LIFETIME)));
            Statistics.collect("parsed");
        } catch (MalformedJsonException e) {
            Statistics.collect("refused");
        }
    }

    @Provide
    Arbitrary<String> errorResponses() {
        return HostileDocuments.aimedAt(Map.of("error", "slow_down", "error_description", "Slow down", "interval", 10));
    }

    @Property
    void errorResponses(@ForAll("errorResponses") String text) {
        try {
            Statistics.collect(OAuthError.from(JsonObject.parse(text)).map(error -> {
                assertThat(error.summary()).isNotBlank();
                return "an error";
            }).orElse("no error"));
        } catch (MalformedJsonException e) {
            Statistics.collect("not JSON: the caller's typed error");
        }
    }

    @Provide
    Arbitrary<String> discoveryDocuments() {
        return HostileDocuments.aimedAt(Map.of("issuer", "https://idp.example/realms/acme", "device_authorization_endpoint",
                "https://idp.example/device", "token_endpoint", "https://idp.example/token", "revocation_endpoint",
                "https://idp.example/revoke", "userinfo_endpoint", "https://idp.example/userinfo"));
    }

    @Property
    void discoveryDocuments(@ForAll("discoveryDocuments") String text) {
        try {
            ServerMetadata parsed = ServerMetadata.fromJson(JsonObject.parse(text), "fuzzed document");
            assertThat(parsed.tokenEndpoint().getScheme().equalsIgnoreCase("https")
                    || Loopback.is(parsed.tokenEndpoint().getHost())).isTrue();
            Statistics.collect("parsed");
        } catch (MalformedJsonException | JLoginException e) {
            Statistics.collect("refused");
        }
    }

    @Provide
    Arbitrary<String> userinfoResponses() {
        return HostileDocuments.aimedAt(Map.of("sub", "user-1", "name", "Alice", "email", "alice@example.com"));
    }

    @Property
    void userinfoResponses(@ForAll("userinfoResponses") String text) {
        try {
            assertThat(UserInfoClient.claims(text).string("sub")).isPresent();
            Statistics.collect("parsed");
        } catch (MalformedJsonException | JLoginException e) {
            Statistics.collect("refused");
        }
    }

    @Provide
    Arbitrary<String> idTokens() {
        return HostileDocuments.jwts(Map.of("alg", "RS256", "kid", "k1", "typ", "JWT"),
                Map.of("iss", "https://idp.example", "sub", "user-1", "aud", "cli", "exp", 1767225600, "iat", 1767225300,
                        "name", "Alice", "email", "alice@example.com"));
    }

    /** The JWT header and claims: a token whose parts all decode to JSON objects with an alg, or the typed error. */
    @Property
    void idTokens(@ForAll("idTokens") String text) {
        try {
            SignedJwt parsed = SignedJwt.parse(text);
            assertThat(parsed.algorithm()).isNotNull();
            assertThat(text).startsWith(new String(parsed.signingInput(), StandardCharsets.US_ASCII) + ".");
            Statistics.collect("parsed");
        } catch (MalformedJsonException e) {
            Statistics.collect("refused");
        }
    }

    @Provide
    Arbitrary<String> keySets() {
        Map<String, Object> rsa = SigningKeys.jwk("k1", SigningKeys.rsa(), "RS256");
        Map<String, Object> ec = SigningKeys.jwk("k2", SigningKeys.ec(), "ES256");
        Arbitrary<String> key = Arbitraries.oneOf(HostileDocuments.aimedAt(rsa), HostileDocuments.aimedAt(ec));
        return Arbitraries.oneOf(key.list().ofMaxSize(3).map(keys -> "{\"keys\":[" + String.join(",", keys) + "]}"),
                HostileDocuments.aimedAt(Map.of("keys", List.of(rsa, ec))));
    }

    /** JWK sets: only RSA keys of a usable size and P-256 points on the curve come out, or the typed error. */
    @Property
    void keySets(@ForAll("keySets") String text) {
        try {
            JsonWebKeySet keys = JsonWebKeySet.parse(text);
            List<JsonWebKey> rsa = keys.candidates(JwsAlgorithm.RS256, Optional.empty());
            List<JsonWebKey> ec = keys.candidates(JwsAlgorithm.ES256, Optional.empty());
            // what comes out is usable: RSA of 2048 to 8192 bits with an odd exponent above 1, EC points on P-256
            for (JsonWebKey key : rsa) {
                java.security.interfaces.RSAPublicKey k = (java.security.interfaces.RSAPublicKey) key.key();
                assertThat(k.getModulus().bitLength()).isBetween(2048, 8192);
                assertThat(k.getPublicExponent().testBit(0)).isTrue();
                assertThat(k.getPublicExponent()).isGreaterThan(java.math.BigInteger.ONE);
            }
            for (JsonWebKey key : ec) {
                java.security.interfaces.ECPublicKey k = (java.security.interfaces.ECPublicKey) key.key();
                assertThat(k.getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
                assertThat(onP256(k.getW())).as("point on P-256").isTrue();
            }
            Statistics.collect(rsa.size() + ec.size() + " keys");
        } catch (MalformedJsonException e) {
            Statistics.collect("refused");
        }
    }

    /** y² = x³ − 3x + b (mod p), P-256's curve (SEC 2, FIPS 186-4), written out here rather than taken from the library. */
    private static boolean onP256(java.security.spec.ECPoint w) {
        java.math.BigInteger p = new java.math.BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
        java.math.BigInteger b = new java.math.BigInteger("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);
        java.math.BigInteger x = w.getAffineX();
        java.math.BigInteger y = w.getAffineY();
        return y.pow(2).mod(p).equals(x.pow(3).subtract(x.multiply(java.math.BigInteger.valueOf(3))).add(b).mod(p));
    }
}
