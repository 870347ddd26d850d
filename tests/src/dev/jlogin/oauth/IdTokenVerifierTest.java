package dev.jlogin.oauth;

import static dev.jlogin.testing.SigningKeys.header;
import static dev.jlogin.testing.SigningKeys.jwk;
import static dev.jlogin.testing.SigningKeys.jwks;
import static dev.jlogin.testing.SigningKeys.sign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.Secret;
import dev.jlogin.http.HttpTransport;
import dev.jlogin.testing.FakeAuthorizationServer;
import dev.jlogin.testing.MutableClock;
import dev.jlogin.testing.SigningKeys;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ID token validation from the specs: RFC 7515 (JWS), RFC 7517 (JWK), RFC 7518 (algorithms),
 * RFC 7519 (claims) and OIDC Core §3.1.3.7, with keys made in the test and the key set served
 * over HTTP by the fake server.
 */
class IdTokenVerifierTest {
    private final MutableClock clock = new MutableClock();
    private final FakeAuthorizationServer server = new FakeAuthorizationServer(clock);
    private final IdTokenVerifier verifier = new IdTokenVerifier(new HttpTransport(), clock);
    private final String issuer = server.issuer();

    @AfterEach
    void stop() {
        server.close();
    }

    private ServerMetadata metadata(String issuer) {
        return new ServerMetadata(issuer, URI.create(server.issuer() + "/device"), URI.create(server.issuer() + "/token"),
                Optional.empty(), Optional.empty(), Optional.of(URI.create(server.issuer() + "/jwks")));
    }

    private IdTokenCheck check(String token) {
        return verifier.check(Secret.of(token), metadata(issuer), List.of(issuer), "cli");
    }

    private Map<String, Object> claims() {
        return SigningKeys.claims(issuer, "cli", clock.instant());
    }

    private static String rs256(Map<String, Object> claims) {
        return sign(header("RS256", "k1"), claims, SigningKeys.rsa().getPrivate());
    }

    private static void assertRejected(IdTokenCheck check, String why) {
        assertThat(check).isInstanceOf(IdTokenCheck.Rejected.class);
        assertThat(check.problem()).hasValueSatisfying(p -> assertThat(p).contains(why));
    }

    @Test
    void anRs256TokenFromTheIssuerToThisClientIsVerified() {
        IdTokenCheck check = check(rs256(claims()));

        assertThat(check).isInstanceOf(IdTokenCheck.Verified.class);
        assertThat(check.status()).isEqualTo("verified");
        assertThat(check.readableClaims().get().asMap()).containsEntry("sub", "user-1234");
    }

    @Test
    void ps256AndEs256AreVerifiedWithTheirKeys() {
        server.jwks(jwks(jwk("k1", SigningKeys.rsa(), null), jwk("ec", SigningKeys.ec(), "ES256")));

        assertThat(check(sign(header("PS256", "k1"), claims(), SigningKeys.rsa().getPrivate())))
                .isInstanceOf(IdTokenCheck.Verified.class);
        assertThat(check(sign(header("ES256", "ec"), claims(), SigningKeys.ec().getPrivate())))
                .isInstanceOf(IdTokenCheck.Verified.class);
    }

    @Test
    void aChangedPayloadOrSignatureIsRejected() {
        String[] parts = rs256(claims()).split("\\.");
        Map<String, Object> other = claims();
        other.put("sub", "mallory");
        String payload = SigningKeys.encode(dev.jlogin.json.Json.write(other).getBytes(StandardCharsets.UTF_8));
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[10] ^= 1;

        assertRejected(check(parts[0] + "." + payload + "." + parts[2]), "signature is not valid");
        assertRejected(check(parts[0] + "." + parts[1] + "." + SigningKeys.encode(signature)), "signature is not valid");
        assertRejected(check(parts[0] + "." + parts[1] + "."), "signature is not valid");
    }

    /** RFC 7518 §3.6: "none" is an unsecured JWS; a client that expects a signature must refuse it. */
    @Test
    void algNoneIsRejected() {
        String unsigned = SigningKeys.encode("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + SigningKeys.encode(dev.jlogin.json.Json.write(claims()).getBytes(StandardCharsets.UTF_8)) + ".";

        assertRejected(check(unsigned), "alg none");
        assertThat(server.requests("/issuer/jwks")).isEmpty();
    }

    /** The classic confusion: HS256 "signed" with the RSA public key's bytes as the HMAC secret. */
    @Test
    void hs256SignedWithThePublicKeyIsRejected() {
        String forged = SigningKeys.signHs256(header("HS256", "k1"), claims(), SigningKeys.rsa().getPublic().getEncoded());
        String forgedWithJwkBytes = SigningKeys.signHs256(header("HS256", "k1"), claims(),
                jwks(jwk("k1", SigningKeys.rsa(), "RS256")).getBytes(StandardCharsets.UTF_8));

        assertRejected(check(forged), "alg HS256");
        assertRejected(check(forgedWithJwkBytes), "alg HS256");
    }

    @Test
    void anAlgorithmThatDoesNotFitTheKeyIsRejected() {
        server.jwks(jwks(jwk("k1", SigningKeys.rsa(), "RS256"), jwk("ec", SigningKeys.ec(), null)));

        // PS256 with a key published for RS256 only (RFC 7517 §4.4)
        assertRejected(check(sign(header("PS256", "k1"), claims(), SigningKeys.rsa().getPrivate())), "no RSA key with kid k1");
        // ES256 naming an RSA key, RS256 naming an EC key
        assertRejected(check(sign(header("ES256", "k1"), claims(), SigningKeys.ec().getPrivate())), "no EC key with kid k1");
        assertRejected(check(sign(header("RS256", "ec"), claims(), SigningKeys.rsa().getPrivate())), "no RSA key with kid ec");
    }

    /** RFC 7515 §4.1.11: a recipient must reject a JWS with critical extensions it does not understand. */
    @Test
    void aCritHeaderIsRejected() {
        Map<String, Object> header = header("RS256", "k1");
        header.put("crit", List.of("exp"));
        header.put("exp", 1);

        assertRejected(check(sign(header, claims(), SigningKeys.rsa().getPrivate())), "crit");
    }

    /** RFC 7518 §3.4: ES256 signatures are R || S, 64 octets; the DER form some libraries make is not a JWS signature. */
    @Test
    void anEs256SignatureInDerFormIsRejected() {
        server.jwks(jwks(jwk("ec", SigningKeys.ec(), "ES256")));
        String good = sign(header("ES256", "ec"), claims(), SigningKeys.ec().getPrivate());
        String headerAndPayload = good.substring(0, good.lastIndexOf('.'));

        assertThat(check(good)).isInstanceOf(IdTokenCheck.Verified.class);
        assertRejected(check(headerAndPayload + "." + derSignature(headerAndPayload, SigningKeys.ec())), "signature is not valid");
    }

    @Test
    void anUnknownKidFetchesTheKeySetOnceMoreAndFindsTheRotatedKey() {
        assertThat(check(rs256(claims()))).isInstanceOf(IdTokenCheck.Verified.class);
        server.jwks(jwks(jwk("k1", SigningKeys.rsa(), "RS256"), jwk("k2", SigningKeys.rotatedRsa(), "RS256")));
        String rotated = sign(header("RS256", "k2"), claims(), SigningKeys.rotatedRsa().getPrivate());

        assertThat(check(rotated)).isInstanceOf(IdTokenCheck.Verified.class);
        assertThat(check(rotated)).isInstanceOf(IdTokenCheck.Verified.class);
        assertThat(server.requests("/issuer/jwks")).hasSize(2);
    }

    @Test
    void aKidTheIssuerDoesNotPublishEvenAfterARefetchIsRejected() {
        assertThat(check(rs256(claims()))).isInstanceOf(IdTokenCheck.Verified.class);
        String unknown = sign(header("RS256", "k9"), claims(), SigningKeys.rotatedRsa().getPrivate());

        assertRejected(check(unknown), "no RSA key with kid k9");
        assertThat(server.requests("/issuer/jwks")).hasSize(2);
    }

    @Test
    void aKnownKidSignedWithAnotherKeyIsRejected() {
        assertRejected(check(sign(header("RS256", "k1"), claims(), SigningKeys.rotatedRsa().getPrivate())),
                "signature is not valid");
    }

    @Test
    void anotherIssuerAudienceOrAuthorizedPartyIsRejected() {
        Map<String, Object> otherIssuer = claims();
        otherIssuer.put("iss", "https://evil.example");
        Map<String, Object> otherAudience = claims();
        otherAudience.put("aud", "another-client");
        Map<String, Object> severalWithoutAzp = claims();
        severalWithoutAzp.put("aud", List.of("cli", "api"));
        Map<String, Object> severalWithOtherAzp = claims();
        severalWithOtherAzp.put("aud", List.of("cli", "api"));
        severalWithOtherAzp.put("azp", "api");
        Map<String, Object> severalWithAzp = claims();
        severalWithAzp.put("aud", List.of("api", "cli"));
        severalWithAzp.put("azp", "cli");

        assertRejected(check(rs256(otherIssuer)), "issued by https://evil.example");
        assertRejected(check(rs256(otherAudience)), "'aud'");
        assertRejected(check(rs256(severalWithoutAzp)), "'azp'");
        assertRejected(check(rs256(severalWithOtherAzp)), "'azp'");
        assertThat(check(rs256(severalWithAzp))).isInstanceOf(IdTokenCheck.Verified.class);
    }

    @Test
    void anExpiredTokenIsReportedAsExpiredWithinTheSkewAsVerified() {
        Instant issued = clock.instant();
        String token = rs256(claims());
        clock.advance(Duration.ofSeconds(300).plus(IdTokenVerifier.CLOCK_SKEW));
        assertThat(check(token)).isInstanceOf(IdTokenCheck.Verified.class);

        clock.advance(Duration.ofSeconds(1));
        IdTokenCheck expired = check(token);
        assertThat(expired).isInstanceOf(IdTokenCheck.Expired.class);
        assertThat(((IdTokenCheck.Expired) expired).expiredAt()).isEqualTo(issued.plusSeconds(300));
    }

    @Test
    void aTokenIssuedInTheFutureIsRejected() {
        Map<String, Object> future = claims();
        future.put("iat", clock.instant().getEpochSecond() + 3600);

        assertRejected(check(rs256(future)), "'iat'");
    }

    @Test
    void tokensWithoutTheRequiredClaimsAreRejected() {
        for (String claim : List.of("iss", "sub", "aud", "exp", "iat")) {
            Map<String, Object> missing = claims();
            missing.remove(claim);
            assertThat(check(rs256(missing))).as(claim).isInstanceOf(IdTokenCheck.Rejected.class);
        }
    }

    /** Entra ID's common endpoint: the metadata's issuer has {tenantid}, the token's tid fills it in. */
    @Test
    void entrasTemplatedIssuerTakesTheTokensTenant() {
        String tenant = "9188040d-6c67-4c5b-b112-36a304b66dad";
        Map<String, Object> claims = claims();
        claims.put("iss", "https://login.microsoftonline.com/" + tenant + "/v2.0");
        claims.put("tid", tenant);
        Map<String, Object> otherTenant = new java.util.LinkedHashMap<>(claims);
        otherTenant.put("tid", "72f988bf-86f1-41af-91ab-2d7cd011db47");
        Map<String, Object> noTenant = new java.util.LinkedHashMap<>(claims);
        noTenant.remove("tid");
        ServerMetadata entra = metadata("https://login.microsoftonline.com/{tenantid}/v2.0");

        assertThat(verifier.check(Secret.of(rs256(claims)), entra, List.of(entra.issuer()), "cli")).isInstanceOf(IdTokenCheck.Verified.class);
        assertRejected(verifier.check(Secret.of(rs256(otherTenant)), entra, List.of(entra.issuer()), "cli"), "not https://login.microsoftonline.com/72f988bf");
        assertRejected(verifier.check(Secret.of(rs256(noTenant)), entra, List.of(entra.issuer()), "cli"), "'tid'");
    }

    @Test
    void withoutAKeySetTheTokenIsUncheckedNotRejected() {
        ServerMetadata noJwks = new ServerMetadata(issuer, URI.create(issuer + "/device"), URI.create(issuer + "/token"),
                Optional.empty(), Optional.empty(), Optional.empty());
        IdTokenCheck check = verifier.check(Secret.of(rs256(claims())), noJwks, List.of(issuer), "cli");

        assertThat(check).isInstanceOf(IdTokenCheck.Unchecked.class);
        assertThat(check.problem().get()).contains("no jwks_uri");
        assertThat(check.readableClaims()).isPresent();
    }

    @Test
    void aKeySetThatCannotBeFetchedLeavesTheTokenUnchecked() {
        server.jwks("{\"keys\": 5}");
        assertThat(check(rs256(claims()))).isInstanceOf(IdTokenCheck.Unchecked.class);

        server.close();
        IdTokenCheck unreachable = new IdTokenVerifier(new HttpTransport(), clock).check(Secret.of(rs256(claims())),
                metadata(issuer), List.of(issuer), "cli");
        assertThat(unreachable).isInstanceOf(IdTokenCheck.Unchecked.class);
        assertThat(unreachable.problem().get()).contains("could not be fetched");
    }

    @Test
    void malformedTokensAreRejectedWithoutQuotingThem() {
        for (String token : List.of("a.b", "a.b.c.d.e", "!!.??.##", rs256(claims()) + "=")) {
            IdTokenCheck check = check(token);
            assertThat(check).as(token).isInstanceOf(IdTokenCheck.Rejected.class);
            assertThat(check.problem().get()).doesNotContain(token);
        }
    }

    private static String derSignature(String input, KeyPair pair) {
        try {
            java.security.Signature signer = java.security.Signature.getInstance("SHA256withECDSA");
            signer.initSign(pair.getPrivate());
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return SigningKeys.encode(signer.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
