package dev.jlogin.session;

import dev.jlogin.Host;
import dev.jlogin.JLoginException;
import dev.jlogin.browser.BrowserLauncher;
import dev.jlogin.config.Audiences;
import dev.jlogin.config.JLoginHome;
import dev.jlogin.config.LoginFlow;
import dev.jlogin.config.Policy;
import dev.jlogin.config.Setting;
import dev.jlogin.config.SettingSource;
import dev.jlogin.config.Settings;
import dev.jlogin.config.SettingsResolver;
import dev.jlogin.device.DeviceAuthorizationClient;
import dev.jlogin.device.Sleeper;
import dev.jlogin.http.HttpLog;
import dev.jlogin.http.HttpSender;
import dev.jlogin.http.HttpTransport;
import dev.jlogin.http.Network;
import dev.jlogin.oauth.Discovery;
import dev.jlogin.oauth.IdTokenVerifier;
import dev.jlogin.oauth.ServerMetadata;
import dev.jlogin.oauth.TokenEndpoint;
import dev.jlogin.oauth.UserInfoClient;
import dev.jlogin.store.Backends;
import dev.jlogin.store.LifecycleLog;
import dev.jlogin.store.MetadataCache;
import dev.jlogin.store.SavedSettings;
import dev.jlogin.store.StoredLogin;
import dev.jlogin.store.TokenStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The parts a {@link JLogin} is wired from, each built on first use and kept: settings, policy,
 * store, lifecycle log, HTTP transport, discovery, the logins and the token managers. The commands
 * use them beside the façade; a library caller rarely needs them ({@link JLogin#parts()}).
 */
public final class Wiring {
    private final SettingSource source;
    private final Path home;
    private final Clock clock;
    private final Sleeper sleeper;
    private final HttpLog httpLog;
    private final Map<String, String> variables;
    private final Consumer<String> notices;
    private final PrintStream prompts;
    private final Properties properties;
    private Policy policy;
    private HttpSender transport;
    private TokenStore store;
    private MetadataResolver metadata;
    private IdTokenVerifier idTokens;
    private final Supplier<BrowserLauncher> browserSource;
    private BrowserLauncher browser;

    Wiring(JLoginBuilder builder) {
        this.source = builder.flags ? new SettingSource(builder.settings, builder.variables, builder.properties)
                : SettingSource.inCode(builder.settings, builder.variables, builder.properties);
        this.home = JLoginHome.resolve(builder.variables);
        this.clock = builder.clock;
        this.sleeper = builder.sleeper;
        this.transport = builder.transport;
        this.httpLog = builder.httpLog;
        this.variables = builder.variables;
        this.notices = builder.notices;
        this.prompts = builder.prompts;
        this.properties = builder.properties;
        // the opener this environment has (none over SSH): a lambda, as a method reference would load it with every token call
        this.browserSource = builder.browser != null ? builder.browser
                : () -> BrowserLauncher.system(Host.osName(), variables);
    }

    /**
     * The flow a new login with {@code settings} at {@code server} takes: the one configured
     * ({@code flow}), or for {@code auto} the browser where a browser can be opened here (a desktop
     * session, not SSH), the server names an authorization endpoint and the client's callback is
     * known (a provider that matches ports exactly needs {@code redirect-port}), else the device flow.
     */
    public LoginFlow flow(Settings settings, ServerMetadata server) {
        LoginFlow configured = LoginFlow.from(source);
        if (configured != LoginFlow.AUTO) {
            return configured;
        }
        Optional<java.util.Set<String>> allowed = policy().flows();
        if (allowed.isPresent() && allowed.get().size() == 1) {
            return allowed.get().contains("browser") ? LoginFlow.BROWSER : LoginFlow.DEVICE;
        }
        return server.authorizationEndpoint().isPresent() && LoginFlow.callbackKnown(source, settings.provider())
                && browser().available() ? LoginFlow.BROWSER : LoginFlow.DEVICE;
    }

    /** Where the settings come from: this object's own, then environment, then properties. */
    public SettingSource source() {
        return source;
    }

    /** Where logins are stored ({@code JLOGIN_HOME}). */
    public Path home() {
        return home;
    }

    /** The profile in use. */
    public String profile() {
        return SettingsResolver.profile(source);
    }

    /**
     * What the organisation allows: its policy file and the catalog's {@code jlogin.policy.*}
     * properties (none when neither exists).
     */
    public synchronized Policy policy() {
        if (policy == null) {
            policy = Policy.load(variables, properties, Host.osName());
        }
        return policy;
    }

    /** The token store the settings choose ({@code file}, {@code keyring}, {@code memory}), if the policy allows it. */
    public synchronized TokenStore store() {
        try {
            policy().checkStore(storeKind(), source.get(Setting.STORE_FALLBACK));
        } catch (JLoginException e) {
            lifecycleLog().record("policy_refusal", profile(), Optional.empty(), Optional.empty(), Map.of("rule", "store"));
            throw e;
        }
        return openStore();
    }

    /**
     * The lifecycle log: every login, refresh, failed refresh, policy refusal and logout of this
     * home, one JSON line each, never a token (see {@link LifecycleLog}).
     */
    public LifecycleLog lifecycleLog() {
        return openStore().log(clock, notices);
    }

    private String storeKind() {
        return source.get(Setting.STORE).orElse("file");
    }

    /** The store, whatever the policy says of it: an audit must see the logins kept where the policy forbids. */
    private synchronized TokenStore openStore() {
        if (store == null) {
            Duration lockTimeout = source.seconds(Setting.LOCK_TIMEOUT).orElse(TokenStore.DEFAULT_LOCK_TIMEOUT);
            Duration keyringTimeout = source.seconds(Setting.KEYRING_TIMEOUT).orElse(Backends.DEFAULT_KEYRING_TIMEOUT);
            store = new TokenStore(home, lockTimeout, Backends.select(storeKind(), source.get(Setting.STORE_FALLBACK).orElse(null), home,
                    keyringTimeout, notices));
        }
        return store;
    }

    /**
     * Every profile of the store classified against the organisation's policy: server, client,
     * flow, scopes, token lifetimes, store, revocation, ID token, and each rule it breaks. Reads
     * only the store and the discovery cache unless {@code online}, when each server is asked for
     * its metadata. Never a token.
     */
    List<ProfileAudit> audit(boolean online) {
        return new Audit(openStore(), storeKind(), policy(), metadataCache(), online ? s -> metadata().resolve(s) : null,
                saved -> SettingsResolver.resolve(SettingSource.inCode(Map.of(Setting.PROFILE.key(), SettingsResolver.DEFAULT_PROFILE), Map.of(), new Properties()),
                        Optional.of(saved)), clock).profiles();
    }

    /**
     * Settings for a command that uses a login, falling back to the saved profile: with neither a
     * server named nor a saved profile, what is missing is the login, not an issuer.
     */
    public Settings settings() {
        return settings(store().settings(profile()));
    }

    /** The profile as read once from the store: its settings, their token manager, and its login if it holds one. */
    public record OneRead(Settings settings, TokenManager tokens, Optional<StoredLogin> login) {
    }

    /** One read of the store for whoever hands out a token (the hot path): the settings and the login together. */
    public OneRead readOnce() {
        Optional<StoredLogin.Parsed> entry = store().entry(profile());
        Settings settings = settings(entry.map(StoredLogin.Parsed::settings));
        return new OneRead(settings, tokens(settings), entry.flatMap(StoredLogin.Parsed::login));
    }

    /** As {@link #settings()}, from the profile's saved settings the caller has just read. */
    private Settings settings(Optional<SavedSettings> saved) {
        if (saved.isEmpty() && !SettingsResolver.namesServer(source)) {
            List<String> known = store().profiles();
            throw new JLoginException(JLoginException.Kind.LOGIN_REQUIRED, "no login for profile '" + profile() + "' ("
                    + (known.isEmpty() ? "no profile has logged in yet" : "known profiles: " + String.join(", ", known)) + ")");
        }
        return SettingsResolver.resolve(source, saved);
    }

    /** Settings for a new login: without an issuer that is a configuration error saying how to give one. */
    public Settings loginSettings() {
        return SettingsResolver.resolveForLogin(source, store().settings(profile()));
    }

    /**
     * The HTTP sender the library's own requests go through (no bearer token added); built on
     * first use: {@code token} with a valid stored token sends no request.
     */
    public synchronized HttpSender transport() {
        if (transport == null) {
            transport = new HttpTransport(HttpTransport.REQUEST_TIMEOUT, httpLog,
                    new Network(variables, source.get(Setting.CA_FILE).map(Path::of)));
        }
        return transport;
    }

    /** The endpoints of a server, through the discovery cache. */
    public synchronized MetadataResolver metadata() {
        if (metadata == null) {
            metadata = new MetadataResolver(new Discovery(transport()), metadataCache());
        }
        return metadata;
    }

    /** The discovery cache; memory means no disk, so nothing is cached either. */
    private MetadataCache metadataCache() {
        return openStore().backend().inProcess() ? MetadataCache.none(home, clock) : new MetadataCache(home, clock);
    }

    /** The token endpoint's client, speaking the settings' provider's dialect. */
    private TokenEndpoint tokenEndpoint(Settings settings) {
        return new TokenEndpoint(transport(), clock, settings.provider().dialect());
    }

    /** Valid tokens on demand for {@code settings}' profile; what only a refresh needs is built when one is due. */
    public TokenManager tokens(Settings settings) {
        return new TokenManager(store(), settings, this::metadata, () -> tokenEndpoint(settings), clock, policy(),
                () -> Audiences.from(source), lifecycleLog());
    }

    /** The browser login for {@code settings}' provider, for a caller with its own listener. */
    public BrowserFlow browserFlow(Settings settings) {
        return new BrowserFlow(newLogin(), tokenEndpoint(settings), browser(), clock, new SecureRandom(),
                LoginFlow.redirectPort(source, settings.provider()), LoginFlow.browserTimeout(source));
    }

    /** Opens the browser login's link; the system's opener unless the builder was given one. */
    private synchronized BrowserLauncher browser() {
        if (browser == null) {
            browser = browserSource.get();
        }
        return browser;
    }

    /** The device login for {@code settings}' provider, for a caller with its own listener. */
    public DeviceFlow deviceFlow(Settings settings) {
        return new DeviceFlow(newLogin(), new DeviceAuthorizationClient(transport(), settings.provider().dialect()),
                tokenEndpoint(settings), clock, sleeper);
    }

    private NewLogin newLogin() {
        return new NewLogin(store(), idTokens(), notices, clock, policy(), lifecycleLog());
    }

    /** One per object, so a key set is fetched at most once (twice for a rotation). */
    synchronized IdTokenVerifier idTokens() {
        if (idTokens == null) {
            idTokens = new IdTokenVerifier(transport(), clock);
        }
        return idTokens;
    }

    /** Who is logged in, asked the way the settings' provider tells. */
    public IdentityLookup identityLookup(Settings settings) {
        return new IdentityLookup(new UserInfoClient(transport()), settings.provider());
    }

    /** Where warnings go. */
    Consumer<String> notices() {
        return notices;
    }

    /** Where the plain login prompt goes. */
    PrintStream prompts() {
        return prompts;
    }
}
