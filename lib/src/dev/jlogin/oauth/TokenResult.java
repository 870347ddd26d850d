package dev.jlogin.oauth;

import java.time.Duration;
import java.util.Optional;

/** What the token endpoint said: tokens, an OAuth error, or "not now" (5xx, 429, no connection). */
public sealed interface TokenResult {

    record Granted(TokenSet tokens) implements TokenResult {
    }

    record Rejected(OAuthError error) implements TokenResult {
    }

    record Unavailable(String reason, Optional<Duration> retryAfter) implements TokenResult {
    }
}
