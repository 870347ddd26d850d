package dev.jlogin.testing;

import dev.jlogin.json.Json;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys made in the test (from a seeded generator whose seed is printed) and JWTs signed with them
 * the way RFC 7515/7518 describe, for an issuer's JWK set and ID tokens, good and hostile.
 */
public final class SigningKeys {
    public static final long SEED = Long.getLong("jlogin.keys.seed", 20261127L);

    static {
        System.out.println("signing keys generated with seed " + SEED + " (-Djlogin.keys.seed to repeat)");
    }

    private static final KeyPair RSA_1 = generate("RSA", 2048, 1);
    private static final KeyPair RSA_2 = generate("RSA", 2048, 2);
    private static final KeyPair EC_1 = generate("EC", 256, 3);

    private SigningKeys() {
    }

    public static KeyPair rsa() {
        return RSA_1;
    }

    /** Another RSA key, the one a key rotation brings in. */
    public static KeyPair rotatedRsa() {
        return RSA_2;
    }

    public static KeyPair ec() {
        return EC_1;
    }

    /** A public key as a JWK (RFC 7517 §4, RFC 7518 §6), with {@code alg} if not null. */
    public static Map<String, Object> jwk(String kid, KeyPair pair, String alg) {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kid", kid);
        jwk.put("use", "sig");
        if (alg != null) {
            jwk.put("alg", alg);
        }
        if (pair.getPublic() instanceof RSAPublicKey rsa) {
            jwk.put("kty", "RSA");
            jwk.put("n", unsigned(rsa.getModulus(), 0));
            jwk.put("e", unsigned(rsa.getPublicExponent(), 0));
        } else {
            ECPublicKey ec = (ECPublicKey) pair.getPublic();
            jwk.put("kty", "EC");
            jwk.put("crv", "P-256");
            jwk.put("x", unsigned(ec.getW().getAffineX(), 32));
            jwk.put("y", unsigned(ec.getW().getAffineY(), 32));
        }
        return jwk;
    }

    @SafeVarargs
    public static String jwks(Map<String, Object>... keys) {
        return Json.write(Map.of("keys", List.of(keys)));
    }

    /** Standard ID-token claims from {@code issuer} to {@code clientId}, issued at {@code now} for five minutes. */
    public static Map<String, Object> claims(String issuer, String clientId, Instant now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", "user-1234");
        claims.put("aud", clientId);
        claims.put("exp", now.getEpochSecond() + 300);
        claims.put("iat", now.getEpochSecond());
        claims.put("preferred_username", "alice");
        claims.put("name", "Alice Tester");
        claims.put("email", "alice@example.com");
        return claims;
    }

    public static Map<String, Object> header(String alg, String kid) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", alg);
        header.put("typ", "JWT");
        if (kid != null) {
            header.put("kid", kid);
        }
        return header;
    }

    /** A compact JWS of {@code claims}, signed per the header's {@code alg} with {@code key}. */
    public static String sign(Map<String, Object> header, Map<String, Object> claims, PrivateKey key) {
        String input = encode(Json.write(header).getBytes(StandardCharsets.UTF_8)) + "."
                + encode(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        return input + "." + encode(signature(header.get("alg").toString(), key, input.getBytes(StandardCharsets.US_ASCII)));
    }

    /** HS256 with {@code secret} as the HMAC key: what an alg-confusion attacker signs with a public key's bytes. */
    public static String signHs256(Map<String, Object> header, Map<String, Object> claims, byte[] secret) {
        String input = encode(Json.write(header).getBytes(StandardCharsets.UTF_8)) + "."
                + encode(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return input + "." + encode(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] signature(String alg, PrivateKey key, byte[] input) {
        try {
            Signature signer;
            switch (alg) {
                case "RS256":
                    signer = Signature.getInstance("SHA256withRSA");
                    break;
                case "PS256":
                    signer = Signature.getInstance("RSASSA-PSS");
                    signer.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                    break;
                case "ES256":
                    signer = Signature.getInstance("SHA256withECDSAinP1363Format");
                    break;
                default:
                    throw new IllegalArgumentException(alg);
            }
            signer.initSign(key, random(99));
            signer.update(input);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        if (bytes.length < length) {
            byte[] padded = new byte[length];
            System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
            bytes = padded;
        }
        return encode(bytes);
    }

    private static KeyPair generate(String type, int size, int salt) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(type);
            if (type.equals("EC")) {
                generator.initialize(new ECGenParameterSpec("secp256r1"), random(salt));
            } else {
                generator.initialize(size, random(salt));
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SecureRandom random(int salt) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(SEED * 31 + salt);
            return random;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
