package dev.jlogin.session;

import dev.jlogin.ServerText;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link JLogin#revoke()} did: for each token ({@code refresh_token}, {@code access_token})
 * what the server said ("revoked", "none stored", or "not revoked: why"). The local tokens are
 * deleted whatever the server said; the profile's settings stay.
 *
 * @param profile  the profile logged out
 * @param loggedIn who was logged out and where, or empty when the profile held no login
 * @param tokens   per token, the server's outcome
 * @param complete whether the server revoked everything it was asked to (false: exit 6)
 */
public record Revocation(String profile, Optional<LoggedOut> loggedIn, Map<String, String> tokens, boolean complete) {

    public Revocation {
        tokens = Collections.unmodifiableMap(new LinkedHashMap<>(tokens));
    }

    /** One line for a person; the server's words (in the outcomes and the identity) sanitised. */
    @Override
    public String toString() {
        return loggedIn.map(l -> "Logged out " + ServerText.sanitize(l.identity().display()) + " from "
                        + ServerText.sanitize(l.server())).orElse("Not logged in") + " (profile '" + profile + "'): "
                + ServerText.sanitize(tokens.toString()) + (complete ? "" : "; the server did not revoke everything");
    }

    /**
     * Who logged out, from which server.
     *
     * @param identity who the tokens belonged to
     * @param server   the issuer, or the token endpoint of a server without discovery
     */
    public record LoggedOut(Identity identity, String server) {
    }
}
