package dev.jlogin.cli;

import java.util.List;
import java.util.stream.Stream;

/**
 * The options several commands share, each declared once. A command lists the groups it really
 * reads; adding a setting to every command that takes a group is one line here.
 */
public final class Options {
    public static final Option PROFILE = Option.value("profile", "NAME", "which stored login to use (default: default)");
    public static final Option STORE = Option.value("store", "file|keyring|memory",
            "where tokens are kept (JLOGIN_STORE; default file)");
    public static final Option CA_FILE = Option.value("ca-file", "PEM",
            "trust only these CA certificates for HTTPS (JLOGIN_CA_FILE)");
    public static final Option VERBOSE = Option.flag("verbose", "HTTP requests on stderr (method, URL and status only)");
    public static final Option NO_BROWSER = Option.flag("no-browser", "do not open a browser: the device flow, its link"
            + " printed only");
    public static final Option MIN_VALID = Option.value("min-valid", "SECONDS",
            "refresh if the token expires sooner than this (default 60)");

    /** Which login a command uses; with a stored login, issuer and client id only check that it is theirs. */
    public static final OptionGroup LOGIN = OptionGroup.of(
            "Which login",
            PROFILE,
            Option.value("provider", "NAME", "identity provider preset (JLOGIN_PROVIDER, jlogin.provider; default oidc):"
                    + " github, google, entra, okta, auth0, keycloak, zitadel, workos"),
            Option.value("issuer", "URL", "OIDC / RFC 8414 issuer, or the base URL of github and workos (JLOGIN_ISSUER,"
                    + " jlogin.issuer)"),
            Option.value("client-id", "ID", "OAuth client id (JLOGIN_CLIENT_ID, jlogin.client-id)"),
            STORE).withNotes(
            "Each setting comes from its flag, else its JLOGIN_* variable, else the catalog's jlogin.* property,"
                    + " else the profile saved at login.",
            "JLOGIN_STORE_FALLBACK=file lets an unavailable keyring fall back to the file, with a warning.",
            "JLOGIN_HOME is where logins are kept (default ~/.config/jlogin).");
    /** What a new login asks the server for. */
    public static final OptionGroup REQUEST = OptionGroup.of("What a new login asks for",
            Option.value("scope", "SCOPES", "space-separated scopes (default: openid profile email)"),
            Option.value("audience", "AUD", "extra 'audience' parameter (Auth0 and others)"),
            Option.value("param", "NAME=VALUE", "extra device-request parameter, repeatable")).withNotes(
            "JLOGIN_CLIENT_SECRET is for providers that insist on a client secret (environment only), or"
                    + " JLOGIN_CLIENT_SECRET_FILE (also jlogin.client-secret-file): a file only you can read that holds it.");
    /** How a new login is made. */
    public static final OptionGroup FLOW = OptionGroup.of("How to log in",
            Option.flag("browser", "log in in a browser on this machine (authorization code with PKCE)"),
            Option.flag("device", "log in with a code entered on any device (the device flow)"),
            Option.value("flow", "auto|browser|device", "the same as a setting (JLOGIN_FLOW, jlogin.flow; default auto:"
                    + " the browser where one can be opened here, else the device flow)"),
            Option.value("redirect-port", "PORT", "the browser login's loopback port, where the client is registered with one"
                    + " (JLOGIN_REDIRECT_PORT, jlogin.redirect-port; default: any free port)"),
            Option.value("browser-timeout", "SECONDS", "how long the browser login waits for the browser (default 300)"))
            .withNotes("Over SSH or without a display no browser can be opened here, so auto chooses the device flow.");
    /** Explicit endpoints, kept with the login, for servers without discovery. */
    public static final OptionGroup ENDPOINTS = OptionGroup.of("Servers without discovery",
            Option.value("device-endpoint", "URL", "the device authorization endpoint"),
            Option.value("authorization-endpoint", "URL", "the authorization endpoint (for the browser login)"),
            Option.value("token-endpoint", "URL", "the token endpoint"),
            Option.value("revocation-endpoint", "URL", "the revocation endpoint (for revoke)"),
            Option.value("userinfo-endpoint", "URL", "the userinfo endpoint (for whoami)"));
    /** A token for another API, from the same login. */
    public static final OptionGroup TARGET = target("");
    /** The same, for the commands whose --audience and --scope are the login's own (a new login asks for them). */
    public static final OptionGroup TOKEN_TARGET = target("token-");

    private static OptionGroup target(String prefix) {
        return OptionGroup.of("Which API the token is for (default: the login's own token)",
                Option.value(prefix + "audience", "AUD", "a token for this audience (token exchange, RFC 8693; Auth0's API"
                        + " identifier; Entra's application ID URI)"),
                Option.value(prefix + "resource", "URI", "a token for this resource (RFC 8707)"),
                Option.value(prefix + "scope", "SCOPES", "a token with these scopes only")).withNotes(
                "Obtained from the login and kept beside it until it expires; the server must allow it: a refusal"
                        + " says what the platform team must enable (exit 2).");
    }

    public static final OptionGroup NETWORK = OptionGroup.of("Network", CA_FILE, VERBOSE).withNotes(
            "Proxies come from https_proxy, http_proxy and no_proxy (either case), as for curl.");
    public static final OptionGroup OUTPUT = OptionGroup.of("Output",
            Option.flag("json", "machine-readable output on stdout (never contains a token)"));
    public static final OptionGroup GIT = OptionGroup.of("Git hosts",
            Option.value("git-host", "HOST[:PORT]", "a git server that gets the token, repeatable; https:// URLs too, and"
                    + " http:// for loopback only (JLOGIN_GIT_HOSTS, jlogin.git-hosts: comma-separated)"),
            Option.value("git-username", "NAME", "the user name given to git (default " + GitHosts.DEFAULT_USERNAME
                    + "; JLOGIN_GIT_USERNAME, jlogin.git-username)"));

    /**
     * The settings of a login, as option names: what {@code install} bakes into a launcher and
     * {@code setup-kube} writes into the plugin's command line.
     */
    public static List<String> settings() {
        return Stream.concat(Stream.of(LOGIN, REQUEST, ENDPOINTS).flatMap(g -> g.options().stream()), Stream.of(CA_FILE))
                .map(Option::name).toList();
    }

    private Options() {
    }
}
