package dev.jlogin.oauth;

import dev.jlogin.json.MalformedJsonException;
import java.util.Base64;

/**
 * Base64url without padding (RFC 7515 §2), as JWS and JWK use it. The JDK's decoder also takes
 * padding; a JWS with padding is not in the compact serialization, so it is refused here.
 */
final class Base64Url {
    private Base64Url() {
    }

    static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] decode(String what, String text) throws MalformedJsonException {
        if (text.indexOf('=') >= 0) {
            throw new MalformedJsonException(what + " is not base64url without padding");
        }
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedJsonException(what + " is not base64url");
        }
    }
}
