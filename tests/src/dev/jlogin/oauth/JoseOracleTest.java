package dev.jlogin.oauth;

import static dev.jlogin.testing.SigningKeys.header;
import static dev.jlogin.testing.SigningKeys.jwk;
import static dev.jlogin.testing.SigningKeys.jwks;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.jlogin.Secret;
import dev.jlogin.http.HttpTransport;
import dev.jlogin.testing.FakeAuthorizationServer;
import dev.jlogin.testing.MutableClock;
import dev.jlogin.testing.SigningKeys;
import java.net.URI;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The verifier's verdict on a signature against a well-kept JOSE library's (nimbus-jose-jwt), on
 * generated tokens, accepted and refused alike: valid RS256, PS256 and ES256 tokens, and the same
 * with another key, a changed byte, an algorithm the key does not fit, {@code none}, HS256 keyed
 * with the public key's bytes, a DER-encoded ECDSA signature and a critical header. The claims are
 * always valid, so only the signature decides.
 */
class JoseOracleTest {
    private final MutableClock clock = new MutableClock();
    private final FakeAuthorizationServer server = new FakeAuthorizationServer(clock);
    private final IdTokenVerifier verifier = new IdTokenVerifier(new HttpTransport(), clock);

    @AfterEach
    void stop() {
        server.close();
    }

    private record Case(String name, String token) {
    }

    @Test
    void everyVerdictIsTheOraclesVerdict() throws Exception {
        long seed = Long.getLong("jlogin.test.seed", new Random().nextLong());
        System.err.println("JOSE oracle: cases from seed " + seed + " (-Djlogin.test.seed to repeat)");
        Random random = new Random(seed);
        server.jwks(jwks(jwk("rsa", SigningKeys.rsa(), null), jwk("ec", SigningKeys.ec(), "ES256")));
        RSAPublicKey rsa = (RSAPublicKey) SigningKeys.rsa().getPublic();
        ECPublicKey ec = (ECPublicKey) SigningKeys.ec().getPublic();

        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Map<String, Object> claims = SigningKeys.claims(server.issuer(), "cli", clock.instant());
            claims.put("n", random.nextLong()); // a different token, and signature, each time
            String rs256 = SigningKeys.sign(header("RS256", "rsa"), claims, SigningKeys.rsa().getPrivate());
            String ps256 = SigningKeys.sign(header("PS256", "rsa"), claims, SigningKeys.rsa().getPrivate());
            String es256 = SigningKeys.sign(header("ES256", "ec"), claims, SigningKeys.ec().getPrivate());
            cases.add(new Case("RS256", rs256));
            cases.add(new Case("PS256", ps256));
            cases.add(new Case("ES256", es256));
            cases.add(new Case("RS256, another key", SigningKeys.sign(header("RS256", "rsa"), claims,
                    SigningKeys.rotatedRsa().getPrivate())));
            cases.add(new Case("a changed byte", changeOneByte(List.of(rs256, ps256, es256).get(random.nextInt(3)), random)));
            cases.add(new Case("ES256 header on an RSA signature", withHeader(rs256, header("ES256", "ec"))));
            cases.add(new Case("none", withHeader(rs256, Map.of("alg", "none")).replaceAll("\\.[^.]*$", ".")));
            cases.add(new Case("HS256 keyed with the public key", SigningKeys.signHs256(header("HS256", "rsa"), claims,
                    rsa.getEncoded())));
            cases.add(new Case("ES256 signature as DER", derSignature(es256)));
            Map<String, Object> critical = new java.util.LinkedHashMap<>(header("RS256", "rsa"));
            critical.put("crit", List.of("exp-x"));
            critical.put("exp-x", 1);
            cases.add(new Case("critical header", SigningKeys.sign(critical, claims, SigningKeys.rsa().getPrivate())));
        }

        int accepted = 0;
        for (Case c : cases) {
            boolean ours = verifier.check(Secret.of(c.token()), metadata(), List.of(server.issuer()), "cli")
                    instanceof IdTokenCheck.Verified;
            boolean oracle = oracle(c.token(), rsa, ec);
            assertThat(ours).as(c.name() + ": " + c.token()).isEqualTo(oracle);
            accepted += ours ? 1 : 0;
        }
        assertThat(accepted).as("valid tokens among the cases").isGreaterThanOrEqualTo(120);
        assertThat(cases.size() - accepted).as("refused tokens among the cases").isGreaterThanOrEqualTo(240);
    }

    private ServerMetadata metadata() {
        return new ServerMetadata(server.issuer(), URI.create(server.issuer() + "/device"), URI.create(server.issuer() + "/token"),
                Optional.empty(), Optional.empty(), Optional.of(URI.create(server.issuer() + "/jwks")));
    }

    /** nimbus-jose-jwt's verdict: its verifier for the header's algorithm with the issuer's key of that type; anything else refused. */
    private static boolean oracle(String token, RSAPublicKey rsa, ECPublicKey ec) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
            JWSVerifier verifier;
            if (alg.equals(JWSAlgorithm.RS256) || alg.equals(JWSAlgorithm.PS256)) {
                verifier = new RSASSAVerifier(rsa);
            } else if (alg.equals(JWSAlgorithm.ES256)) {
                verifier = new ECDSAVerifier(ec);
            } else {
                return false;
            }
            return jwt.verify(verifier);
        } catch (Exception e) {
            return false; // unparseable, or a key or algorithm the library refuses
        }
    }

    private static String changeOneByte(String token, Random random) {
        String[] parts = token.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[random.nextInt(signature.length)] ^= (byte) (1 + random.nextInt(255));
        return parts[0] + "." + parts[1] + "." + SigningKeys.encode(signature);
    }

    private static String withHeader(String token, Map<String, Object> header) {
        String[] parts = token.split("\\.", -1);
        return SigningKeys.encode(dev.jlogin.json.Json.write(header).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "." + parts[1] + "." + parts[2];
    }

    /** The ES256 token with its R||S signature in ASN.1 DER, as the JDK's SHA256withECDSA gives it (RFC 7518 §3.4 forbids it). */
    private static String derSignature(String token) throws Exception {
        String[] parts = token.split("\\.");
        byte[] der = com.nimbusds.jose.crypto.impl.ECDSA.transcodeSignatureToDER(Base64.getUrlDecoder().decode(parts[2]));
        return parts[0] + "." + parts[1] + "." + SigningKeys.encode(der);
    }
}
