package dev.jlogin.session;

import java.time.Instant;
import java.util.Optional;

/**
 * What {@link JLogin#refresh()} did: the new access token's expiry, and whether the server
 * rotated the refresh token (issued a new one and retired the old).
 *
 * @param profile   the profile refreshed
 * @param expiresAt when the new access token expires, when the server said
 * @param rotated   whether the refresh token was rotated
 */
public record Refresh(String profile, Optional<Instant> expiresAt, boolean rotated) {
}
