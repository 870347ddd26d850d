package dev.jlogin.config;

import dev.jlogin.oauth.Dialect;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * WorkOS User Management's CLI Auth: no discovery, two endpoints under the API's base URL (the
 * token endpoint also takes the single-use refresh token), {@code client_id} only and no scope, a
 * token response with the {@code user} object and {@code organization_id} but no
 * {@code token_type} and no {@code expires_in} (the JWT's {@code exp} says it), and no revocation
 * a public client can call. WorkOS Connect (AuthKit) is standard OIDC: use {@code oidc}.
 */
final class WorkOsProvider implements Provider {

    @Override
    public String name() {
        return "workos";
    }

    @Override
    public Optional<String> defaultIssuer() {
        return Optional.of("https://api.workos.com");
    }

    @Override
    public boolean discovers() {
        return false;
    }

    @Override
    public Map<String, String> endpoints(String base) {
        String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return Map.of(Settings.DEVICE_ENDPOINT, root + "/user_management/authorize/device",
                Settings.TOKEN_ENDPOINT, root + "/user_management/authenticate",
                // the browser login goes through AuthKit, which WorkOS's authorize needs named
                Settings.AUTHORIZATION_ENDPOINT, root + "/user_management/authorize?provider=authkit");
    }

    @Override
    public Optional<String> defaultScope() {
        return Optional.empty();
    }

    /** The code is entered on the organisation's AuthKit domain, never on the API's host. */
    @Override
    public boolean verificationHost(String host) {
        return host.toLowerCase(java.util.Locale.ROOT).endsWith(".authkit.app");
    }

    @Override
    public Dialect dialect() {
        return new Dialect(true, true, true, Map.of(), Set.of());
    }

    @Override
    public Optional<String> revokeElsewhere(String base, String clientId) {
        return Optional.of("sign out in the application, or have an administrator end the session in the WorkOS"
                + " dashboard (revoking needs the server's API key)");
    }
}
