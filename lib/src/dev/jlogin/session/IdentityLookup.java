package dev.jlogin.session;

import dev.jlogin.oauth.IdTokenClaims;
import dev.jlogin.oauth.ServerMetadata;
import dev.jlogin.oauth.TokenSet;
import dev.jlogin.oauth.UserInfoClient;

/**
 * Finds out who is logged in: the userinfo endpoint when the server has one (authoritative),
 * else the ID token's claims (unverified, for display only).
 */
public final class IdentityLookup {
    private final UserInfoClient userInfo;

    public IdentityLookup(UserInfoClient userInfo) {
        this.userInfo = userInfo;
    }

    public Identity lookup(ServerMetadata metadata, TokenSet tokens) {
        if (metadata.userinfoEndpoint().isPresent()) {
            return Identity.fromClaims(userInfo.fetch(metadata.userinfoEndpoint().get(), tokens.accessToken()), "userinfo");
        }
        return fromIdToken(tokens);
    }

    /** Who the ID token names, without asking the server; unknown without one. */
    public static Identity fromIdToken(TokenSet tokens) {
        return tokens.idToken().flatMap(IdTokenClaims::read)
                .map(claims -> Identity.fromClaims(claims, "id_token"))
                .orElse(Identity.unknown());
    }
}
