package dev.jlogin.config;

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
    private static final Map<String, String> ENDPOINT_KEYS = Map.of(
            "device-endpoint", Settings.DEVICE_ENDPOINT,
            "token-endpoint", Settings.TOKEN_ENDPOINT,
            "revocation-endpoint", Settings.REVOCATION_ENDPOINT,
            "userinfo-endpoint", Settings.USERINFO_ENDPOINT);

    private SettingsResolver() {
    }

    public static String profile(SettingSource source) {
        return TokenStore.checkProfileName(source.get("profile").orElse(DEFAULT_PROFILE));
    }

    /** Whether flags, environment or properties say where to log in, without a saved profile. */
    public static boolean namesServer(SettingSource source) {
        return source.get("issuer").isPresent() || ENDPOINT_KEYS.keySet().stream().anyMatch(k -> source.get(k).isPresent());
    }

    public static Settings resolve(SettingSource source, Optional<SavedSettings> saved) {
        String profile = profile(source);
        Provider provider = Providers.named(source.get("provider").or(() -> saved.map(SavedSettings::provider))
                .orElse(Providers.OIDC.name()));
        Optional<String> issuer = source.get("issuer").or(() -> saved.flatMap(SavedSettings::issuer))
                .or(provider::defaultIssuer).map(provider::issuer);
        String clientId = source.get("client-id").or(() -> saved.map(SavedSettings::clientId)).orElse(null);
        Optional<String> scope = source.get("scope").or(() -> saved.flatMap(SavedSettings::scope))
                .or(provider::defaultScope).map(provider::scope);
        Optional<Secret> secret = source.environment("JLOGIN_CLIENT_SECRET").map(Secret::of)
                .or(() -> source.get("client-secret-file").map(ClientSecretFile::read));

        Map<String, String> parameters = new LinkedHashMap<>();
        Optional<String> given = source.get("param");
        if (given.isPresent()) {
            parameters.putAll(formDecode(given.get()));
        } else {
            saved.ifPresent(s -> parameters.putAll(s.parameters()));
        }
        source.get("audience").ifPresent(a -> parameters.put("audience", a));

        Map<String, String> endpoints = new LinkedHashMap<>();
        boolean explicit = ENDPOINT_KEYS.keySet().stream().anyMatch(k -> source.get(k).isPresent());
        if (explicit) {
            ENDPOINT_KEYS.forEach((key, name) -> source.get(key).ifPresent(v -> endpoints.put(name, v)));
        } else {
            saved.ifPresent(s -> endpoints.putAll(s.endpoints()));
        }
        return new Settings(profile, issuer, clientId, secret, scope, parameters, endpoints, provider);
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
