package dev.jlogin.oauth;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Optional;

/**
 * The JWS algorithms an ID token may be signed with (RFC 7518 §3), verified with the JDK's own
 * providers. Everything else ({@code none}, the HMAC family, which a public client has no key
 * for and which alg-confusion attacks use, and anything unknown) is refused by {@link #named}.
 */
enum JwsAlgorithm {
    RS256("RSA"),
    PS256("RSA"),
    ES256("EC");

    /** RFC 7518 §3.4: R and S of 32 octets each, concatenated (not DER). */
    private static final int ES256_SIGNATURE_BYTES = 64;

    private final String keyType;

    JwsAlgorithm(String keyType) {
        this.keyType = keyType;
    }

    static Optional<JwsAlgorithm> named(String alg) {
        for (JwsAlgorithm algorithm : values()) {
            if (algorithm.name().equals(alg)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** The JWK {@code kty} whose keys this algorithm uses (all our EC keys are P-256). */
    String keyType() {
        return keyType;
    }

    boolean verify(PublicKey key, byte[] signingInput, byte[] signature) {
        try {
            Signature verifier;
            switch (this) {
                case RS256:
                    verifier = Signature.getInstance("SHA256withRSA");
                    break;
                case PS256:
                    verifier = Signature.getInstance("RSASSA-PSS");
                    verifier.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                    break;
                default:
                    if (signature.length != ES256_SIGNATURE_BYTES) {
                        return false;
                    }
                    verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            }
            verifier.initVerify(key);
            verifier.update(signingInput);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // a key of the wrong kind or a garbled signature: not a valid signature either way
            return false;
        }
    }
}
