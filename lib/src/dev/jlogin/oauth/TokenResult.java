package dev.jlogin.oauth;

import java.time.Duration;
import java.util.Optional;

/** What the token endpoint said: tokens, an OAuth error, or "not now" (5xx, 429, no connection). */
public sealed interface TokenResult {

    record Granted(TokenSet tokens) implements TokenResult {
    }

    /** An OAuth error, with the HTTP status it came with. */
    record Rejected(OAuthError error, int status) implements TokenResult {
    }

    record Unavailable(String reason, Optional<Duration> retryAfter) implements TokenResult {
    }
}
