package dev.jlogin.session;

import dev.jlogin.Host;
import dev.jlogin.browser.BrowserLauncher;
import dev.jlogin.config.LoginFlow;
import dev.jlogin.config.Setting;
import dev.jlogin.device.Sleeper;
import dev.jlogin.http.HttpLog;
import dev.jlogin.http.HttpSender;
import java.io.PrintStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Settings and collaborators for a {@link JLogin}. Settings given here come first, then
 * {@code JLOGIN_*} variables, then {@code jlogin.*} properties, then the saved profile.
 */
public final class JLoginBuilder {
    final Map<String, String> settings = new HashMap<>();
    boolean flags;
    Map<String, String> variables = Host.variables();
    Properties properties = Host.properties();
    Clock clock = Clock.systemUTC();
    Sleeper sleeper = Sleeper.REAL;
    HttpSender transport;
    HttpLog httpLog = HttpLog.NONE;
    Consumer<String> notices = System.err::println;
    PrintStream prompts = System.err;
    Supplier<BrowserLauncher> browser;

    JLoginBuilder() {
    }

    public JLoginBuilder issuer(String issuer) {
        return set(Setting.ISSUER, issuer);
    }

    public JLoginBuilder clientId(String clientId) {
        return set(Setting.CLIENT_ID, clientId);
    }

    public JLoginBuilder profile(String profile) {
        return set(Setting.PROFILE, profile);
    }

    public JLoginBuilder scope(String scope) {
        return set(Setting.SCOPE, scope);
    }

    /** How a new login is made: {@link LoginFlow#AUTO} (the default), in a browser, or with the device flow. */
    public JLoginBuilder flow(LoginFlow flow) {
        return set(Setting.FLOW, flow.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** {@code file}, {@code keyring} or {@code memory}. */
    public JLoginBuilder store(String store) {
        return set(Setting.STORE, store);
    }

    /** Any setting, as its flag would give it. */
    public JLoginBuilder set(Setting setting, String value) {
        return set(setting.key(), value);
    }

    /** Any setting by its flag name without dashes ({@code audience}, {@code token-endpoint}, ...). */
    public JLoginBuilder set(String name, String value) {
        settings.put(name, value);
        return this;
    }

    /**
     * A command's flags, by name, as the commands parse them from their arguments: a message
     * about a missing setting then names its flag, where for a script it names what a script has.
     */
    public JLoginBuilder flags(Map<String, String> values) {
        settings.putAll(values);
        flags = true;
        return this;
    }

    /**
     * A setting at the level of a catalog alias's properties ({@code jlogin.NAME}): what an
     * organisation's script or notebook sets, which {@code JLOGIN_*} variables still override.
     */
    public JLoginBuilder property(String name, String value) {
        Properties layered = new Properties();
        layered.putAll(properties);
        layered.setProperty("jlogin." + name, value);
        properties = layered;
        return this;
    }

    /** The environment variables and system properties to read instead of the process's own. */
    public JLoginBuilder environment(Map<String, String> variables, Properties properties) {
        this.variables = variables;
        this.properties = properties;
        return this;
    }

    public JLoginBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** How the device login waits between polls. */
    public JLoginBuilder sleeper(Sleeper sleeper) {
        this.sleeper = sleeper;
        return this;
    }

    /** Sends the library's requests through {@code transport} instead of the network. */
    public JLoginBuilder transport(HttpSender transport) {
        this.transport = transport;
        return this;
    }

    /** Where each request's method, URL and status are noted (never headers or bodies). */
    public JLoginBuilder httpLog(HttpLog log) {
        this.httpLog = log;
        return this;
    }

    /** Where warnings go (a keyring falling back to the file, a login whose user could not be looked up). */
    public JLoginBuilder notices(Consumer<String> notices) {
        this.notices = notices;
        return this;
    }

    /**
     * What opens the browser login's link, made when a login first needs it (default: the
     * system's opener, none over SSH or without a display).
     */
    public JLoginBuilder browser(Supplier<BrowserLauncher> browser) {
        this.browser = browser;
        return this;
    }

    /** Where {@link JLogin#login()} prints the link and code (default stderr). */
    public JLoginBuilder prompts(PrintStream prompts) {
        this.prompts = prompts;
        return this;
    }

    public JLogin build() {
        return new JLogin(new Wiring(this));
    }
}
