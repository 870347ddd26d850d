package dev.jlogin.device;

import dev.jlogin.oauth.OAuthError;
import dev.jlogin.oauth.TokenSet;

/** How a device login ended (RFC 8628 §3.5). */
public sealed interface PollOutcome {

    /** The user approved; here are the tokens. */
    record Approved(TokenSet tokens) implements PollOutcome {
    }

    /** The user said no ({@code access_denied}, or Entra's {@code authorization_declined}). */
    record Denied(OAuthError error) implements PollOutcome {
    }

    /** The server said {@code expired_token}, or the local deadline passed; {@code reason} says which. */
    record Expired(String reason) implements PollOutcome {
    }

    /** Any other error from the token endpoint: the login cannot go on. */
    record Failed(OAuthError error) implements PollOutcome {
    }
}
