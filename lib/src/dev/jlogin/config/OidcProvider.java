package dev.jlogin.config;

import dev.jlogin.oauth.Dialect;
import java.util.Optional;

/**
 * A standard OIDC provider found by discovery (Keycloak's realm URL, Okta's org or custom
 * authorization server, Zitadel's instance), differing only in the scope that gets a refresh token
 * and in the words of its errors.
 */
record OidcProvider(String name, String scope, Dialect dialect, boolean fixedRedirectPort) implements Provider {

    OidcProvider(String name, String scope) {
        this(name, scope, Dialect.STANDARD, false);
    }

    OidcProvider(String name, String scope, Dialect dialect) {
        this(name, scope, dialect, false);
    }

    @Override
    public Optional<String> defaultScope() {
        return Optional.of(scope);
    }
}
