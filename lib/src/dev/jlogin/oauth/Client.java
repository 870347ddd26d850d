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
     * What to do about a refusal of this client, as far as the server's answer tells (see
     * {@link ClientRefusal}); empty for a refusal of anything else. {@code httpStatus} is 0 where
     * it is not known.
     */
    public Optional<String> refusalAdvice(OAuthError error, int httpStatus, Dialect dialect) {
        return dialect.refusal(error, httpStatus).map(r -> r.advice(clientId, secret.isPresent()));
    }

    /** Adds the client's identification to a token, device or revocation request. */
    public void authenticate(Map<String, String> form) {
        form.put("client_id", clientId);
        secret.ifPresent(s -> form.put("client_secret", s.reveal()));
    }
}
