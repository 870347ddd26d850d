package dev.jlogin.oauth;

import dev.jlogin.Secret;
import dev.jlogin.json.JsonObject;
import dev.jlogin.json.MalformedJsonException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A JWT in the JWS compact serialization (RFC 7519 §7.2, RFC 7515 §7.1): the JOSE header, the
 * claims, and what the signature covers, read strictly but not yet trusted. Errors never quote
 * the token.
 */
public record SignedJwt(JsonObject header, JsonObject claims, byte[] signingInput, byte[] signature) {
    /** ID tokens are a few KiB; a much bigger one is not worth decoding. */
    static final int MAX_LENGTH = 64 * 1024;

    public static SignedJwt parse(String compact) throws MalformedJsonException {
        if (compact.length() > MAX_LENGTH) {
            throw new MalformedJsonException("the JWT is longer than " + MAX_LENGTH + " characters");
        }
        int first = compact.indexOf('.');
        int second = first < 0 ? -1 : compact.indexOf('.', first + 1);
        if (second < 0 || compact.indexOf('.', second + 1) >= 0) {
            // five parts would be an encrypted JWT (JWE), which a public client cannot decrypt
            throw new MalformedJsonException("a JWT must have exactly three parts");
        }
        JsonObject header = object("the JWT header", compact.substring(0, first));
        JsonObject claims = object("the JWT claims", compact.substring(first + 1, second));
        byte[] signature = Base64Url.decode("the JWT signature", compact.substring(second + 1));
        header.requireString("alg");
        return new SignedJwt(header, claims, compact.substring(0, second).getBytes(StandardCharsets.US_ASCII), signature);
    }

    /**
     * The claims of {@code jwt} without checking anything, or empty when it is not a JWS: for
     * display, and for the expiry of an access token that may be a JWT or opaque.
     */
    public static Optional<JsonObject> unverifiedClaims(Secret jwt) {
        try {
            return Optional.of(parse(jwt.reveal()).claims());
        } catch (MalformedJsonException e) {
            return Optional.empty();
        }
    }

    public String algorithm() {
        return header.asMap().get("alg").toString();
    }

    public Optional<String> keyId() throws MalformedJsonException {
        return header.string("kid");
    }

    private static JsonObject object(String what, String part) throws MalformedJsonException {
        byte[] json = Base64Url.decode(what, part);
        try {
            // strict decoding: a malformed byte is an error, not a replacement character
            return JsonObject.parse(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(json)).toString());
        } catch (CharacterCodingException e) {
            throw new MalformedJsonException(what + " is not UTF-8");
        }
    }
}
