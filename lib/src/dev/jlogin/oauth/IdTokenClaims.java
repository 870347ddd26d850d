package dev.jlogin.oauth;

import dev.jlogin.Secret;
import dev.jlogin.json.JsonObject;
import dev.jlogin.json.MalformedJsonException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads the claims of an ID token for display when a server has no userinfo endpoint. The
 * signature is not checked, so these claims are shown to the user, never trusted for a decision.
 */
public final class IdTokenClaims {
    private IdTokenClaims() {
    }

    public static Optional<JsonObject> read(Secret idToken) {
        String[] parts = idToken.reveal().split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            return Optional.of(JsonObject.parse(payload));
        } catch (IllegalArgumentException | MalformedJsonException e) {
            return Optional.empty();
        }
    }
}
