package dev.jlogin.session;

import dev.jlogin.Secret;
import dev.jlogin.json.JsonObject;
import dev.jlogin.json.MalformedJsonException;
import dev.jlogin.oauth.ServerMetadata;
import dev.jlogin.oauth.SignedJwt;
import dev.jlogin.oauth.TokenSet;
import dev.jlogin.oauth.UserInfoClient;
import java.util.Optional;

/**
 * Finds out who is logged in: the userinfo endpoint when the server has one (authoritative),
 * else the ID token's claims, read without checking them (for display only: {@code whoami}
 * labels them with what {@link dev.jlogin.oauth.IdTokenVerifier} found).
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
        return tokens.idToken().flatMap(IdentityLookup::claims)
                .map(claims -> Identity.fromClaims(claims, "id_token"))
                .orElse(Identity.unknown());
    }

    private static Optional<JsonObject> claims(Secret idToken) {
        try {
            return Optional.of(SignedJwt.parse(idToken.reveal()).claims());
        } catch (MalformedJsonException e) {
            return Optional.empty();
        }
    }
}
