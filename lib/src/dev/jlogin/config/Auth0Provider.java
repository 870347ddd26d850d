package dev.jlogin.config;

import dev.jlogin.oauth.Dialect;
import dev.jlogin.oauth.ServerMetadata;
import dev.jlogin.oauth.TokenRequest;
import java.util.Map;
import java.util.Optional;

/**
 * Auth0: standard discovery, but its issuer is the tenant URL with a trailing slash, which
 * discovery's exact issuer match would refuse when configured without one. The API is chosen with
 * {@code audience}; pending and slow_down answers come with HTTP 403 and 429, which the token
 * endpoint reads from the body like any other.
 */
record Auth0Provider(String scope) implements Provider {

    @Override
    public String name() {
        return "auth0";
    }

    @Override
    public String issuer(String configured) {
        return configured.endsWith("/") ? configured : configured + "/";
    }

    @Override
    public Optional<String> defaultScope() {
        return Optional.of(scope);
    }

    /** An application's Allowed Callback URLs are matched exactly, port included. */
    @Override
    public boolean fixedRedirectPort() {
        return true;
    }

    /**
     * Auth0's device endpoint answers 403 {@code unauthorized_client} "Unauthorized or unknown
     * client" both for a client id it does not know and for an application without the Device Code
     * grant; a grant not allowed has words of its own.
     */
    @Override
    public Dialect dialect() {
        return new Dialect(Map.of("Unauthorized or unknown client", "Auth0 does not know this client id, or the"
                + " application does not allow the Device Code grant: check the client id, and the application's"
                + " Advanced Settings, Grant Types"));
    }

    /**
     * Auth0 names an API by its identifier, {@code audience}, on refresh as at login
     * (Multi-Resource Refresh Token); a resource URI is such an identifier too.
     */
    @Override
    public boolean exchangesTokens(ServerMetadata server) {
        return false;
    }

    @Override
    public Optional<Map<String, String>> targetRefresh(TokenRequest target) {
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        target.audience().or(target::resource).ifPresent(a -> parameters.put("audience", a));
        target.scope().ifPresent(s -> parameters.put("scope", s));
        return Optional.of(parameters);
    }

    @Override
    public String targetRemedy(String clientId, boolean exchange) {
        return "ask the platform team to authorise application '" + clientId + "' for that API and to allow its refresh tokens"
                + " to be used for it (Multi-Resource Refresh Token)";
    }
}
