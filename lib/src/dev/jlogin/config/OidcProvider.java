package dev.jlogin.config;

import java.util.Optional;

/**
 * A standard OIDC provider found by discovery (Keycloak's realm URL, Okta's org or custom
 * authorization server, Zitadel's instance), differing only in the scope that gets a refresh token.
 */
record OidcProvider(String name, String scope) implements Provider {

    @Override
    public Optional<String> defaultScope() {
        return Optional.of(scope);
    }
}
