package dev.jlogin.session;

import dev.jlogin.ServerText;
import dev.jlogin.oauth.IdTokenCheck;
import dev.jlogin.oauth.TokenRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * A profile's login as {@link JLogin#login()} and {@link JLogin#whoami()} report it: who, where,
 * which client and scopes, and until when the access token is valid. It holds no token.
 *
 * @param profile         the profile the login is stored in
 * @param server          the issuer, or the token endpoint of a server without discovery
 * @param issuer          the issuer, when the login was made with one
 * @param clientId        the OAuth client
 * @param identity        who the server says is logged in
 * @param scope           the scopes the server granted, when it said
 * @param expiresAt       when the access token expires, when the server said
 * @param hasRefreshToken whether a refresh token is stored
 * @param idToken         what checking the ID token found (signature, issuer, audience, expiry), when there is one
 * @param targets         the other APIs this login holds tokens for, and until when
 */
public record Login(String profile, String server, Optional<String> issuer, String clientId, Identity identity,
                    Optional<String> scope, Optional<Instant> expiresAt, boolean hasRefreshToken,
                    Optional<IdTokenCheck> idToken, List<Target> targets) {

    public Login {
        targets = List.copyOf(targets);
    }

    /** A login that holds no token for another API (a new one). */
    public Login(String profile, String server, Optional<String> issuer, String clientId, Identity identity,
                 Optional<String> scope, Optional<Instant> expiresAt, boolean hasRefreshToken, Optional<IdTokenCheck> idToken) {
        this(profile, server, issuer, clientId, identity, scope, expiresAt, hasRefreshToken, idToken, List.of());
    }

    /** A token held for another API: which, and until when (never the token). */
    public record Target(TokenRequest request, Optional<Instant> expiresAt) {
    }

    /** One line for a person, with the server's text sanitised. */
    @Override
    public String toString() {
        return ServerText.sanitize(identity.display()) + " at " + ServerText.sanitize(server) + " (profile '" + profile
                + "', client " + ServerText.sanitize(clientId) + ", scopes " + ServerText.sanitize(scope.orElse("not reported"))
                + ", access token " + expiresAt.map(t -> "valid until " + t.truncatedTo(ChronoUnit.SECONDS)).orElse("without expiry")
                + (hasRefreshToken ? ", refresh token stored)" : ", no refresh token)");
    }
}
