package dev.jlogin.oauth;

import java.security.PublicKey;
import java.util.Optional;

/** A signature-verification key from a JWK set (RFC 7517 §4): its id, type, declared algorithm and the key. */
record JsonWebKey(Optional<String> keyId, String keyType, Optional<String> algorithm, PublicKey key) {

    /** Whether a signature made with {@code alg} may be checked with this key (RFC 7517 §4.4, RFC 7518 §6). */
    boolean fits(JwsAlgorithm alg) {
        return keyType.equals(alg.keyType()) && algorithm.map(alg.name()::equals).orElse(true);
    }
}
