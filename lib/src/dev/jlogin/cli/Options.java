package dev.jlogin.cli;

import dev.jlogin.config.Setting;
import java.util.List;
import java.util.stream.Stream;

/**
 * The options several commands share, each declared once. A command lists the groups it really
 * reads; adding a setting to every command that takes a group is one line here.
 */
public final class Options {
    public static final Option PROFILE = Option.of(Setting.PROFILE);
    public static final Option STORE = Option.of(Setting.STORE);
    public static final Option CA_FILE = Option.of(Setting.CA_FILE);
    public static final Option VERBOSE = Option.flag("verbose", "HTTP requests on stderr (method, URL and status only)");
    public static final Option NO_BROWSER = Option.flag("no-browser", "do not open a browser: the device flow, its link"
            + " printed only");
    public static final Option MIN_VALID = Option.value("min-valid", "SECONDS",
            "refresh if the token expires sooner than this (default 60)");

    /** Which login a command uses; with a stored login, issuer and client id only check that it is theirs. */
    public static final OptionGroup LOGIN = OptionGroup.of(
            "Which login",
            PROFILE, Option.of(Setting.PROVIDER), Option.of(Setting.ISSUER), Option.of(Setting.CLIENT_ID), STORE).withNotes(
            "Each setting comes from its flag, else its JLOGIN_* variable, else the catalog's jlogin.* property,"
                    + " else the profile saved at login.",
            "JLOGIN_STORE_FALLBACK=file lets an unavailable keyring fall back to the file, with a warning.",
            "JLOGIN_HOME is where logins are kept (default ~/.config/jlogin).");
    /** What a new login asks the server for. */
    public static final OptionGroup REQUEST = OptionGroup.of("What a new login asks for",
            Option.of(Setting.SCOPE), Option.of(Setting.AUDIENCE), Option.of(Setting.PARAM)).withNotes(
            "JLOGIN_CLIENT_SECRET is for providers that insist on a client secret (environment only), or"
                    + " JLOGIN_CLIENT_SECRET_FILE (also jlogin.client-secret-file): a file only you can read that holds it.");
    /** How a new login is made. */
    public static final OptionGroup FLOW = OptionGroup.of("How to log in",
            Option.flag("browser", "log in in a browser on this machine (authorization code with PKCE)"),
            Option.flag("device", "log in with a code entered on any device (the device flow)"),
            Option.of(Setting.FLOW), Option.of(Setting.REDIRECT_PORT), Option.of(Setting.BROWSER_TIMEOUT))
            .withNotes("Over SSH or without a display no browser can be opened here, so auto chooses the device flow.");
    /** Explicit endpoints, kept with the login, for servers without discovery. */
    public static final OptionGroup ENDPOINTS = OptionGroup.of("Servers without discovery",
            Option.of(Setting.DEVICE_ENDPOINT), Option.of(Setting.AUTHORIZATION_ENDPOINT), Option.of(Setting.TOKEN_ENDPOINT),
            Option.of(Setting.REVOCATION_ENDPOINT), Option.of(Setting.USERINFO_ENDPOINT));
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
            Option.of(Setting.GIT_USERNAME));

    /**
     * The settings of a login: what {@code install} bakes into a launcher and {@code setup-kube}
     * writes into the plugin's command line.
     */
    public static List<Setting> settings() {
        return Stream.concat(Stream.of(LOGIN, REQUEST, ENDPOINTS).flatMap(g -> g.options().stream()), Stream.of(CA_FILE))
                .map(option -> Setting.forKey(option.name())).toList();
    }

    private Options() {
    }
}
