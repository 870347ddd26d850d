package dev.jlogin.config;

import dev.jlogin.integration.GitHost;
import dev.jlogin.store.Backends;
import dev.jlogin.store.TokenStore;
import java.time.Duration;
import java.util.Locale;

/**
 * Every setting a person gives jlogin, declared once. Its key names all three ways to give it: the
 * flag {@code --client-id} (for a setting a command takes as a flag), the environment variable
 * {@code JLOGIN_CLIENT_ID} and the catalog property {@code jlogin.client-id}. Commands' options,
 * {@link SettingSource}'s resolution, messages naming a setting, and help are all made from these.
 */
public enum Setting {
    PROFILE("profile", "NAME", "which stored login to use", SettingsResolver.DEFAULT_PROFILE),
    PROVIDER("provider", "NAME", "identity provider preset: github, google, entra, okta, auth0, keycloak, zitadel, workos", "oidc"),
    ISSUER("issuer", "URL", "OIDC / RFC 8414 issuer, or the base URL of github and workos", null),
    CLIENT_ID("client-id", "ID", "OAuth client id", null),
    SCOPE("scope", "SCOPES", "space-separated scopes", SettingsResolver.DEFAULT_SCOPE),
    AUDIENCE("audience", "AUD", "extra 'audience' parameter (Auth0 and others)", null),
    PARAM("param", "NAME=VALUE", "extra device-request parameter, repeatable", null),
    FLOW("flow", "auto|browser|device", "how a new login is made; auto: the browser where one can be opened here,"
            + " else the device flow", "auto"),
    REDIRECT_PORT("redirect-port", "PORT", "the browser login's loopback port, where the client is registered with one",
            "any free port"),
    BROWSER_TIMEOUT("browser-timeout", "SECONDS", "how long the browser login waits for the browser", null),
    DEVICE_ENDPOINT("device-endpoint", "URL", "the device authorization endpoint", null),
    AUTHORIZATION_ENDPOINT("authorization-endpoint", "URL", "the authorization endpoint (for the browser login)", null),
    TOKEN_ENDPOINT("token-endpoint", "URL", "the token endpoint", null),
    REVOCATION_ENDPOINT("revocation-endpoint", "URL", "the revocation endpoint (for revoke)", null),
    USERINFO_ENDPOINT("userinfo-endpoint", "URL", "the userinfo endpoint (for whoami)", null),
    STORE("store", "file|keyring|memory", "where tokens are kept", "file"),
    CA_FILE("ca-file", "PEM", "trust only these CA certificates for HTTPS", null),
    GIT_USERNAME("git-username", "NAME", "the user name given to git", GitHost.DEFAULT_USERNAME),
    NAME("name", "NAME", "the installed command's name", "jlogin"),
    LIBRARY("library", "PATH|URL", "the lib/JLogin.java a new runbook or notebook uses", "that of the clone this runs from"),
    // settings that no command takes as a flag
    GIT_HOSTS("git-hosts", "HOSTS", "the git servers that get the token, comma-separated", null),
    AUDIENCES("audiences", "NAME=AUDIENCE, ...", "the organisation's APIs by name", null),
    CLIENT_SECRET_FILE("client-secret-file", "FILE", "a file only you can read that holds the client secret", null),
    STORE_FALLBACK("store-fallback", "file", "where tokens go when the keyring is unavailable", null),
    LOCK_TIMEOUT("lock-timeout", "SECONDS", "how long to wait for another process's lock on the profile", null),
    KEYRING_TIMEOUT("keyring-timeout", "SECONDS", "how long to wait for the keyring's tool", null);

    private final String key;
    private final String variable;
    private final String property;
    private final String valueName;
    private final String help;
    private final String defaultValue;

    // String.concat and StringBuilder, not +: every command builds its options from these, and each +
    // would first link a concatenation of its own (milliseconds a call on the launcher's path)
    Setting(String key, String valueName, String help, String defaultValue) {
        this.key = key;
        this.variable = "JLOGIN_".concat(key.toUpperCase(Locale.ROOT).replace('-', '_'));
        this.property = "jlogin.".concat(key);
        this.valueName = valueName;
        this.help = help;
        this.defaultValue = defaultValue;
    }

    /** The setting whose key is {@code key}; there is one for every option that is a setting. */
    public static Setting forKey(String key) {
        for (Setting setting : values()) {
            if (setting.key.equals(key)) {
                return setting;
            }
        }
        throw new IllegalArgumentException("no setting " + key);
    }

    /** The flag's name without dashes, and the tail of the variable's and the property's. */
    public String key() {
        return key;
    }

    /** What the value is, as help shows it: {@code URL}, {@code SECONDS}. */
    public String valueName() {
        return valueName;
    }

    public String flag() {
        return "--".concat(key);
    }

    public String variable() {
        return variable;
    }

    public String property() {
        return property;
    }

    /** One line for help: what it is, its variable and property, and its default. */
    public String help() {
        String byDefault = defaultValue != null ? defaultValue : switch (this) {
            // durations are the code's own, read only when help is shown (the token path loads this enum)
            case BROWSER_TIMEOUT -> seconds(LoginFlow.DEFAULT_BROWSER_TIMEOUT);
            case LOCK_TIMEOUT -> seconds(TokenStore.DEFAULT_LOCK_TIMEOUT);
            case KEYRING_TIMEOUT -> seconds(Backends.DEFAULT_KEYRING_TIMEOUT);
            default -> null;
        };
        StringBuilder line = new StringBuilder(help).append(" (").append(variable).append(", ").append(property);
        if (byDefault != null) {
            line.append("; default ").append(byDefault);
        }
        return line.append(')').toString();
    }

    private static String seconds(Duration duration) {
        return String.valueOf(duration.toSeconds());
    }
}
