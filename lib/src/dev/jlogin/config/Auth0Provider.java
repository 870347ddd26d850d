package dev.jlogin.config;

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
}
