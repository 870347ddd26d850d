package dev.jlogin.config;

import dev.jlogin.oauth.Dialect;
import dev.jlogin.oauth.Endpoints;
import dev.jlogin.oauth.TokenRequest;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub (github.com, or a GitHub Enterprise Server host as the base URL), for OAuth Apps and
 * GitHub Apps: no discovery, fixed paths, identity from the REST API's {@code GET /user}, and no
 * revocation a public client can call (it needs the app's secret). Its quirks in the protocol
 * itself (errors with HTTP 200, {@code slow_down} with a new interval, no
 * {@code verification_uri_complete}, tokens without expiry) are what every login handles.
 */
final class GitHubProvider implements Provider {
    static final String PUBLIC_HOST = "github.com";

    @Override
    public String name() {
        return "github";
    }

    @Override
    public Optional<String> defaultIssuer() {
        return Optional.of("https://" + PUBLIC_HOST);
    }

    @Override
    public boolean discovers() {
        return false;
    }

    @Override
    public Map<String, String> endpoints(String base) {
        String root = withoutSlash(base);
        boolean dotCom = PUBLIC_HOST.equalsIgnoreCase(Endpoints.parse("issuer", root).getHost());
        return Map.of(Settings.DEVICE_ENDPOINT, root + "/login/device/code",
                Settings.TOKEN_ENDPOINT, root + "/login/oauth/access_token",
                Settings.USERINFO_ENDPOINT, dotCom ? "https://api.github.com/user" : root + "/api/v3/user",
                // OAuth apps take any port on a loopback redirect, and PKCE since 2025
                Settings.AUTHORIZATION_ENDPOINT, root + "/login/oauth/authorize");
    }

    /** GitHub's scopes (repo, read:org, …) are its own: none asked for gets read-only public access. */
    @Override
    public Optional<String> defaultScope() {
        return Optional.empty();
    }

    @Override
    public boolean profileApi() {
        return true;
    }

    @Override
    public Dialect dialect() {
        return new Dialect(Map.of(
                "device_flow_disabled", "the device flow is not enabled for this app: tick Enable Device Flow in"
                        + " the app's settings on GitHub",
                "incorrect_client_credentials", "GitHub does not know this client id: check it",
                "incorrect_device_code", "GitHub does not know the device code; start the login again",
                "unsupported_grant_type", "GitHub refused the device-code grant type"));
    }

    @Override
    public Optional<String> revokeElsewhere(String base, String clientId) {
        return Optional.of("revoke its access at " + withoutSlash(base) + "/settings/connections/applications/" + clientId);
    }

    private static String withoutSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** One GitHub token serves every GitHub API, within the scopes (or app permissions) of the login. */
    @Override
    public Optional<Map<String, String>> targetRefresh(TokenRequest target) {
        return Optional.empty();
    }

    @Override
    public String noTargetGrant(TokenRequest target, String clientId) {
        return "GitHub issues one token for all its APIs, without audiences: use the login's own token (token, without"
                + " --audience, --resource or --scope)";
    }
}
