package dev.jlogin.session;

import dev.jlogin.config.Provider;
import dev.jlogin.json.JsonObject;
import dev.jlogin.oauth.ServerMetadata;
import dev.jlogin.oauth.SignedJwt;
import dev.jlogin.oauth.TokenSet;
import dev.jlogin.oauth.UserInfoClient;
import java.net.URI;

/**
 * Finds out who is logged in: the account the token response named (a server that says so
 * there), else the userinfo endpoint when the server has one (authoritative; for some providers
 * their own profile API), else the ID token's claims, read without checking them (for display
 * only: {@code whoami} labels them with what {@link dev.jlogin.oauth.IdTokenVerifier} found).
 */
public final class IdentityLookup {
    private final UserInfoClient userInfo;
    private final Provider provider;

    public IdentityLookup(UserInfoClient userInfo, Provider provider) {
        this.userInfo = userInfo;
        this.provider = provider;
    }

    public Identity lookup(ServerMetadata metadata, TokenSet tokens) {
        if (!tokens.account().isEmpty()) {
            return Identity.fromClaims(JsonObject.of(tokens.account()), "token_response");
        }
        if (metadata.userinfoEndpoint().isPresent()) {
            URI endpoint = metadata.userinfoEndpoint().get();
            return provider.profileApi()
                    ? Identity.fromClaims(userInfo.fetchProfile(endpoint, tokens.accessToken()), "user_api")
                    : checkedAgainstIdToken(Identity.fromClaims(userInfo.fetch(endpoint, tokens.accessToken()), "userinfo"), tokens);
        }
        return fromIdToken(tokens);
    }

    /**
     * OIDC Core §5.3.2: userinfo's {@code sub} must be the ID token's, or its answer must not be
     * used; otherwise a server could show another user's name beside a verified ID token.
     */
    private static Identity checkedAgainstIdToken(Identity userinfo, TokenSet tokens) {
        Identity idToken = fromIdToken(tokens);
        if (idToken.subject().isEmpty() || idToken.subject().equals(userinfo.subject())) {
            return userinfo;
        }
        return idToken.because("the userinfo endpoint named another subject (" + userinfo.subject().orElse("none")
                + "), not the ID token's; its answer is not used (OpenID Connect Core 5.3.2)");
    }

    /** Who the ID token names, without asking the server; unknown without one. */
    public static Identity fromIdToken(TokenSet tokens) {
        return tokens.idToken().flatMap(SignedJwt::unverifiedClaims)
                .map(claims -> Identity.fromClaims(claims, "id_token"))
                .orElse(Identity.unknown());
    }
}
