package dev.jlogin.session;

import dev.jlogin.Secret;
import dev.jlogin.oauth.TokenSet;
import java.time.Instant;
import java.util.Optional;

/**
 * A valid access token from {@link JLogin#token()}. It prints as {@code [redacted]}: only
 * {@link #value()}{@code .reveal()} or {@link #authorization()} give the token itself.
 *
 * @param value     the token
 * @param type      its type ({@code Bearer})
 * @param expiresAt when it expires, when the server said
 */
public record AccessToken(Secret value, String type, Optional<Instant> expiresAt) {

    static AccessToken of(TokenSet tokens) {
        return new AccessToken(tokens.accessToken(), tokens.tokenType(), tokens.expiresAt());
    }

    /** The {@code Authorization} header's value: {@code Bearer TOKEN}. */
    public String authorization() {
        return "Bearer " + value.reveal();
    }
}
