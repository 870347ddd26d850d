package dev.jlogin.oauth;

import dev.jlogin.JLoginException;
import dev.jlogin.Secret;
import java.util.Map;
import java.util.Optional;

/**
 * The OAuth client we act as. Public by default (RFC 8628 §5.6: a CLI cannot keep a secret);
 * a secret is supported for providers that insist on one, such as Google, and is then sent in
 * the form body (client_secret_post).
 */
public record Client(String clientId, Optional<Secret> secret) {

    public Client {
        if (clientId == null || clientId.isBlank()) {
            throw new JLoginException(JLoginException.Kind.CONFIGURATION, "client id is empty");
        }
    }

    public static Client publicClient(String clientId) {
        return new Client(clientId, Optional.empty());
    }

    /**
     * What to do about a refusal: a server that could not authenticate a client sending no secret
     * (RFC 6749 §5.2 {@code invalid_client}; Keycloak answers {@code unauthorized_client} with HTTP
     * 401, where a grant that is not enabled gets 400) is most likely refusing a confidential
     * client, which needs its secret. Empty for any other refusal.
     */
    public String refusalHint(OAuthError error, int httpStatus) {
        boolean unauthenticated = error.code().equals("invalid_client")
                || error.code().equals("unauthorized_client") && httpStatus == 401;
        return secret.isEmpty() && unauthenticated
                ? "; if this client is confidential it needs its secret: set JLOGIN_CLIENT_SECRET" : "";
    }

    /** Adds the client's identification to a token, device or revocation request. */
    void authenticate(Map<String, String> form) {
        form.put("client_id", clientId);
        secret.ifPresent(s -> form.put("client_secret", s.reveal()));
    }
}
