package dev.jlogin.oauth;

import dev.jlogin.json.JsonObject;
import dev.jlogin.json.MalformedJsonException;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.ECFieldFp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An issuer's signing keys (RFC 7517 §5), read strictly: RSA keys ({@code n}, {@code e}) of 2048
 * to 8192 bits and EC P-256 keys ({@code x}, {@code y}, a point on the curve). Keys of other types
 * or curves, and encryption keys ({@code use: enc}), are skipped, as RFC 7517 §5 allows; a key
 * of a type we use but with bad parameters makes the whole set malformed.
 */
public final class JsonWebKeySet {
    /** Providers publish a handful of keys; a set this big is not a key set. */
    static final int MAX_KEYS = 100;
    private static final int MIN_RSA_BITS = 2048;
    private static final int MAX_RSA_BITS = 8192;
    private static final int P256_COORDINATE_BYTES = 32;

    private final List<JsonWebKey> keys;

    private JsonWebKeySet(List<JsonWebKey> keys) {
        this.keys = keys;
    }

    public static JsonWebKeySet parse(String json) throws MalformedJsonException {
        List<JsonObject> entries = JsonObject.parse(json).objects("keys")
                .orElseThrow(() -> new MalformedJsonException("'keys' is missing"));
        if (entries.size() > MAX_KEYS) {
            throw new MalformedJsonException("more than " + MAX_KEYS + " keys");
        }
        List<JsonWebKey> keys = new ArrayList<>();
        for (JsonObject entry : entries) {
            String type = entry.requireString("kty");
            if (entry.string("use").filter(use -> !use.equals("sig")).isPresent()) {
                continue;
            }
            Optional<PublicKey> key;
            if (type.equals("RSA")) {
                key = Optional.of(rsa(entry));
            } else if (type.equals("EC")) {
                key = entry.requireString("crv").equals("P-256") ? Optional.of(p256(entry)) : Optional.empty();
            } else {
                key = Optional.empty();
            }
            if (key.isPresent()) {
                keys.add(new JsonWebKey(entry.string("kid"), type, entry.string("alg"), key.get()));
            }
        }
        return new JsonWebKeySet(keys);
    }

    /** The keys that may check a signature made with {@code alg} by key {@code keyId} (any id if the token names none). */
    List<JsonWebKey> candidates(JwsAlgorithm alg, Optional<String> keyId) {
        return keys.stream().filter(k -> k.fits(alg) && (keyId.isEmpty() || k.keyId().equals(keyId))).toList();
    }

    private static PublicKey rsa(JsonObject jwk) throws MalformedJsonException {
        BigInteger n = unsigned("n", jwk);
        BigInteger e = unsigned("e", jwk);
        if (n.bitLength() < MIN_RSA_BITS || n.bitLength() > MAX_RSA_BITS) {
            throw new MalformedJsonException("an RSA key must have 2048 to 8192 bits (RFC 7518 §3.3)");
        }
        if (e.compareTo(BigInteger.ONE) <= 0 || !e.testBit(0) || e.bitLength() > 64) {
            throw new MalformedJsonException("an RSA key's exponent must be odd, above 1 and small");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
        } catch (GeneralSecurityException ex) {
            throw new MalformedJsonException("an RSA key is not usable");
        }
    }

    private static PublicKey p256(JsonObject jwk) throws MalformedJsonException {
        byte[] x = Base64Url.decode("'x'", jwk.requireString("x"));
        byte[] y = Base64Url.decode("'y'", jwk.requireString("y"));
        if (x.length != P256_COORDINATE_BYTES || y.length != P256_COORDINATE_BYTES) {
            throw new MalformedJsonException("a P-256 key's coordinates must be 32 octets each (RFC 7518 §6.2.1)");
        }
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            ECParameterSpec curve = parameters.getParameterSpec(ECParameterSpec.class);
            ECPoint point = new ECPoint(new BigInteger(1, x), new BigInteger(1, y));
            if (!onCurve(curve, point)) {
                throw new MalformedJsonException("a P-256 key is not a point on the curve");
            }
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, curve));
        } catch (GeneralSecurityException e) {
            throw new MalformedJsonException("a P-256 key is not usable");
        }
    }

    /** y² = x³ + ax + b (mod p), with both coordinates in the field: a point off the curve is not a key. */
    private static boolean onCurve(ECParameterSpec curve, ECPoint point) {
        BigInteger p = ((ECFieldFp) curve.getCurve().getField()).getP();
        BigInteger x = point.getAffineX();
        BigInteger y = point.getAffineY();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger right = x.pow(3).add(curve.getCurve().getA().multiply(x)).add(curve.getCurve().getB()).mod(p);
        return y.pow(2).mod(p).equals(right);
    }

    private static BigInteger unsigned(String name, JsonObject jwk) throws MalformedJsonException {
        byte[] bytes = Base64Url.decode("'" + name + "'", jwk.requireString(name));
        if (bytes.length > MAX_RSA_BITS / 8 + 1) {
            throw new MalformedJsonException("'" + name + "' is too long");
        }
        return new BigInteger(1, bytes);
    }
}
