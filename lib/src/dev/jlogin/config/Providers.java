package dev.jlogin.config;

import dev.jlogin.JLoginException;
import dev.jlogin.oauth.ClientRefusal;
import dev.jlogin.oauth.Dialect;
import java.util.List;
import java.util.Map;

/** The known presets, by name; {@code oidc} (discovery, nothing else assumed) is the default. */
public final class Providers {
    public static final Provider OIDC = new OidcProvider("oidc", SettingsResolver.DEFAULT_SCOPE);
    /** Providers that issue a refresh token only when {@code offline_access} is asked for. */
    private static final String WITH_REFRESH = SettingsResolver.DEFAULT_SCOPE + " offline_access";
    private static final List<String> NAMES = List.of("oidc", "github", "google", "entra", "okta", "auth0", "keycloak",
            "zitadel", "workos");

    private Providers() {
    }

    /**
     * The preset called {@code name}; an unknown name is a usage error listing the known ones.
     * Only the chosen preset is built: each is a class of its own, and {@code token} loads one.
     */
    public static Provider named(String name) {
        return switch (name) {
            case "oidc" -> OIDC;
            case "github" -> new GitHubProvider();
            case "google" -> new GoogleProvider();
            case "entra" -> new EntraProvider();
            // Okta's words for a client id it does not know (its invalid_client also means a missing secret)
            case "okta" -> new OidcProvider("okta", WITH_REFRESH, Dialect.STANDARD.withRefusals(
                    Map.of("Invalid value for 'client_id' parameter.", ClientRefusal.UNKNOWN_CLIENT)), true);
            case "auth0" -> new Auth0Provider(WITH_REFRESH);
            // Keycloak answers invalid_client only for a client it does not know (or one disabled), and
            // unauthorized_client with 401 for a confidential client without its secret
            case "keycloak" -> new OidcProvider("keycloak", SettingsResolver.DEFAULT_SCOPE, Dialect.STANDARD.withRefusals(
                    Map.of("invalid_client", ClientRefusal.UNKNOWN_CLIENT)));
            case "zitadel" -> new OidcProvider("zitadel", WITH_REFRESH);
            case "workos" -> new WorkOsProvider();
            default -> throw new JLoginException(JLoginException.Kind.CONFIGURATION, "unknown provider '" + name
                    + "'; known providers: " + names());
        };
    }

    public static String names() {
        return String.join(", ", NAMES);
    }
}
