package dev.jlogin.oauth;

import dev.jlogin.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Proof Key for Code Exchange (RFC 7636) with S256 only: {@code plain} would hand the verifier to
 * whoever sees the authorization request. The verifier is 32 random bytes in base64url (43
 * characters, §4.1); it stays in this process and goes to the token endpoint only.
 */
public record Pkce(Secret verifier, String challenge) {
    public static final String METHOD = "S256";

    public static Pkce create(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String verifier = Base64Url.encode(bytes);
        return new Pkce(Secret.of(verifier), challengeOf(verifier));
    }

    /** BASE64URL(SHA256(ASCII(verifier))), RFC 7636 §4.2. */
    public static String challengeOf(String verifier) {
        try {
            return Base64Url.encode(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
