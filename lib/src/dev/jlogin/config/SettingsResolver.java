package dev.jlogin.config;

import dev.jlogin.JLoginException;
import dev.jlogin.Secret;
import dev.jlogin.store.SavedSettings;
import dev.jlogin.store.TokenStore;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Turns flags, environment, system properties and the saved profile into {@link Settings}. */
public final class SettingsResolver {
    public static final String DEFAULT_PROFILE = "default";
    /**
     * What is asked for when nothing is configured: an identity. Not {@code offline_access}: on
     * Keycloak it turns the session into an offline one; Okta, Entra and Auth0 need it for a
     * refresh token, so their catalog aliases set a scope.
     */
    public static final String DEFAULT_SCOPE = "openid profile email";
    private static final Map<Setting, String> ENDPOINT_KEYS = Map.of(
            Setting.DEVICE_ENDPOINT, Settings.DEVICE_ENDPOINT,
            Setting.TOKEN_ENDPOINT, Settings.TOKEN_ENDPOINT,
            Setting.REVOCATION_ENDPOINT, Settings.REVOCATION_ENDPOINT,
            Setting.USERINFO_ENDPOINT, Settings.USERINFO_ENDPOINT,
            Setting.AUTHORIZATION_ENDPOINT, Settings.AUTHORIZATION_ENDPOINT);

    private SettingsResolver() {
    }

    public static String profile(SettingSource source) {
        return TokenStore.checkProfileName(source.get(Setting.PROFILE).orElse(DEFAULT_PROFILE));
    }

    /** Whether flags, environment or properties say where to log in, without a saved profile. */
    public static boolean namesServer(SettingSource source) {
        return source.get(Setting.ISSUER).isPresent() || namesEndpoint(source);
    }

    private static boolean namesEndpoint(SettingSource source) {
        for (Setting key : ENDPOINT_KEYS.keySet()) {
            if (source.get(key).isPresent()) {
                return true;
            }
        }
        return false;
    }

    public static Settings resolve(SettingSource source, Optional<SavedSettings> saved) {
        // conditionals rather than Optional chains: this runs on every token call, where each
        // lambda is one more class to spin at start-up
        String profile = profile(source);
        Provider provider = Providers.named(source.get(Setting.PROVIDER)
                .orElse(saved.isPresent() ? saved.get().provider() : Providers.OIDC.name()));
        Optional<String> issuer = first(source.get(Setting.ISSUER), saved.isPresent() ? saved.get().issuer() : Optional.empty(),
                provider.defaultIssuer());
        String clientId = source.get(Setting.CLIENT_ID).orElse(saved.isPresent() ? saved.get().clientId() : null);
        Optional<String> scope = first(source.get(Setting.SCOPE), saved.isPresent() ? saved.get().scope() : Optional.empty(),
                provider.defaultScope());
        Optional<String> secretFile = source.get(Setting.CLIENT_SECRET_FILE);
        Optional<Secret> secret = source.environment("JLOGIN_CLIENT_SECRET").map(Secret::of);
        if (secret.isEmpty() && secretFile.isPresent()) {
            secret = Optional.of(ClientSecretFile.read(secretFile.get()));
        }

        Map<String, String> parameters = new LinkedHashMap<>();
        Optional<String> given = source.get(Setting.PARAM);
        if (given.isPresent()) {
            parameters.putAll(formDecode(given.get()));
        } else if (saved.isPresent()) {
            parameters.putAll(saved.get().parameters());
        }
        source.get(Setting.AUDIENCE).ifPresent(a -> parameters.put("audience", a));

        Map<String, String> endpoints = new LinkedHashMap<>();
        if (namesEndpoint(source)) {
            ENDPOINT_KEYS.forEach((key, name) -> source.get(key).ifPresent(v -> endpoints.put(name, v)));
        } else if (saved.isPresent()) {
            endpoints.putAll(saved.get().endpoints());
        }
        if (!Settings.locatesServer(issuer, endpoints)) {
            throw new JLoginException(JLoginException.Kind.CONFIGURATION, "no issuer: " + source.howToGive(Setting.ISSUER)
                    + " (for a server without discovery: " + source.name(Setting.DEVICE_ENDPOINT) + " and "
                    + source.name(Setting.TOKEN_ENDPOINT) + " instead)");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new JLoginException(JLoginException.Kind.CONFIGURATION, "no client id: " + source.howToGive(Setting.CLIENT_ID));
        }
        return new Settings(profile, issuer.map(provider::issuer), clientId, secret, scope.map(provider::scope), parameters,
                endpoints, provider);
    }

    /** The first of {@code values} that is present. */
    @SafeVarargs
    private static Optional<String> first(Optional<String>... values) {
        for (Optional<String> value : values) {
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /** As {@link #resolve}, for a new login: a provider that insists on a client secret must have one. */
    public static Settings resolveForLogin(SettingSource source, Optional<SavedSettings> saved) {
        Settings settings = resolve(source, saved);
        if (settings.provider().requiresClientSecret() && settings.clientSecret().isEmpty()) {
            throw new dev.jlogin.JLoginException(dev.jlogin.JLoginException.Kind.CONFIGURATION, "provider '"
                    + settings.provider().name() + "' requires the client's secret: set JLOGIN_CLIENT_SECRET, or"
                    + " JLOGIN_CLIENT_SECRET_FILE (or jlogin.client-secret-file) to a file only you can read");
        }
        return settings;
    }

    /** {@code a=1&b=2}: the form of {@code --param} values once joined, and of JLOGIN_PARAM. */
    static Map<String, String> formDecode(String form) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new dev.jlogin.JLoginException(dev.jlogin.JLoginException.Kind.CONFIGURATION,
                        "a parameter must look like name=value: " + pair);
            }
            result.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return result;
    }
}
