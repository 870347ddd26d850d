package dev.jlogin.config;

import dev.jlogin.Secret;
import dev.jlogin.oauth.Client;
import dev.jlogin.oauth.TokenSet;
import dev.jlogin.store.SavedSettings;
import dev.jlogin.store.StoredLogin;
import java.util.Map;
import java.util.Optional;

/**
 * What a command needs to talk to an authorization server: the issuer (or explicit endpoints),
 * the client, the scope, extra device-request parameters (such as Auth0's {@code audience}) and
 * the provider preset. The client secret, when there is one, comes from the environment or an
 * owner-only file and is never stored. {@link SettingsResolver} checks that the server and the
 * client are named, and says how to name them.
 */
public record Settings(String profile, Optional<String> issuer, String clientId, Optional<Secret> clientSecret,
                       Optional<String> scope, Map<String, String> parameters, Map<String, String> endpoints,
                       Provider provider) {

    /** Keys of {@link #endpoints()}: the RFC 8414 metadata names. */
    public static final String DEVICE_ENDPOINT = "device_authorization_endpoint";
    public static final String TOKEN_ENDPOINT = "token_endpoint";
    public static final String REVOCATION_ENDPOINT = "revocation_endpoint";
    public static final String USERINFO_ENDPOINT = "userinfo_endpoint";
    /** The browser login's endpoint (RFC 6749 §3.1). */
    public static final String AUTHORIZATION_ENDPOINT = "authorization_endpoint";

    public Settings {
        parameters = Map.copyOf(parameters);
        endpoints = Map.copyOf(endpoints);
    }

    /** Whether the issuer, or else the endpoints, say where the device flow happens. */
    static boolean locatesServer(Optional<String> issuer, Map<String, String> endpoints) {
        return issuer.isPresent() || endpoints.containsKey(DEVICE_ENDPOINT) && endpoints.containsKey(TOKEN_ENDPOINT);
    }

    /** Settings for a standard OIDC server. */
    public Settings(String profile, Optional<String> issuer, String clientId, Optional<Secret> clientSecret,
                    Optional<String> scope, Map<String, String> parameters, Map<String, String> endpoints) {
        this(profile, issuer, clientId, clientSecret, scope, parameters, endpoints, Providers.OIDC);
    }

    public Client client() {
        return new Client(clientId, clientSecret);
    }

    /** Where tokens of this login came from, for checks that a stored login matches the settings. */
    public String describeServer() {
        return issuer.orElse(endpoints.get(TOKEN_ENDPOINT));
    }

    /** These settings as the store keeps them for a profile, with no tokens. */
    public SavedSettings saved() {
        return new SavedSettings(issuer, clientId, scope, parameters, endpoints, provider.name());
    }

    /** A login of these settings holding {@code tokens}, as the store keeps it. */
    public StoredLogin login(TokenSet tokens) {
        return new StoredLogin(issuer, clientId, scope, parameters, endpoints, tokens, provider.name());
    }

    /** Whether {@code login}'s tokens were issued to the server and client these settings name. */
    public boolean issued(StoredLogin login) {
        return login.issuer().equals(issuer) && login.clientId().equals(clientId)
                && login.provider().equals(provider.name())
                && (issuer.isPresent() || login.endpoints().get(TOKEN_ENDPOINT).equals(endpoints.get(TOKEN_ENDPOINT)));
    }
}
