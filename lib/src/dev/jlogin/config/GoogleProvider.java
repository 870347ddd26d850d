package dev.jlogin.config;

import dev.jlogin.oauth.ClientRefusal;
import dev.jlogin.oauth.Dialect;
import dev.jlogin.oauth.TokenRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Google: discovery at {@code accounts.google.com} (it names the device, revocation and userinfo
 * endpoints; the device response says {@code verification_url}, which every login accepts), a
 * client secret required even for a "TVs and Limited Input devices" client, and only a few scopes
 * allowed in the device flow.
 */
final class GoogleProvider implements Provider {
    static final String ALLOWED_SCOPES_PAGE =
            "https://developers.google.com/identity/protocols/oauth2/limited-input-device#allowedscopes";

    @Override
    public String name() {
        return "google";
    }

    @Override
    public Optional<String> defaultIssuer() {
        return Optional.of("https://accounts.google.com");
    }

    @Override
    public boolean verificationHost(String host) {
        return host.equalsIgnoreCase("www.google.com") || host.equalsIgnoreCase("google.com");
    }

    /** Google documents its ID tokens' {@code iss} as its issuer with or without {@code https://}. */
    @Override
    public List<String> idTokenIssuers(String issuer) {
        int scheme = issuer.indexOf("://");
        return scheme < 0 ? List.of(issuer) : List.of(issuer, issuer.substring(scheme + "://".length()));
    }

    @Override
    public boolean requiresClientSecret() {
        return true;
    }

    @Override
    public Dialect dialect() {
        return new Dialect(Map.of("invalid_scope", "Google allows only some scopes in the device"
                + " flow, such as openid, email, profile: see " + ALLOWED_SCOPES_PAGE))
                .withRefusals(Map.of("The OAuth client was not found.", ClientRefusal.UNKNOWN_CLIENT));
    }

    /** Google's access tokens are for scopes, not audiences: a refresh may narrow the scope only. */
    @Override
    public Optional<Map<String, String>> targetRefresh(TokenRequest target) {
        return target.audience().isPresent() || target.resource().isPresent() ? Optional.empty()
                : Provider.super.targetRefresh(target);
    }

    @Override
    public String noTargetGrant(TokenRequest target, String clientId) {
        return "Google's access tokens name scopes, not an audience or resource: ask for --scope";
    }
}
