package dev.jlogin.config;

import dev.jlogin.JLoginException;
import java.util.List;

/** The known presets, by name; {@code oidc} (discovery, nothing else assumed) is the default. */
public final class Providers {
    public static final Provider OIDC = new OidcProvider("oidc", SettingsResolver.DEFAULT_SCOPE);
    /** Providers that issue a refresh token only when {@code offline_access} is asked for. */
    private static final String WITH_REFRESH = SettingsResolver.DEFAULT_SCOPE + " offline_access";
    private static final List<Provider> ALL = List.of(OIDC, new GitHubProvider(), new GoogleProvider(),
            new EntraProvider(), new OidcProvider("okta", WITH_REFRESH), new Auth0Provider(WITH_REFRESH),
            new OidcProvider("keycloak", SettingsResolver.DEFAULT_SCOPE), new OidcProvider("zitadel", WITH_REFRESH),
            new WorkOsProvider());

    private Providers() {
    }

    /** The preset called {@code name}; an unknown name is a usage error listing the known ones. */
    public static Provider named(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() -> new JLoginException(
                JLoginException.Kind.CONFIGURATION, "unknown provider '" + name + "'; known providers: " + names()));
    }

    public static String names() {
        return String.join(", ", ALL.stream().map(Provider::name).toList());
    }
}
