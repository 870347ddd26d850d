package dev.jlogin.session;

import dev.jlogin.Host;
import dev.jlogin.JLoginException;
import dev.jlogin.browser.BrowserLauncher;
import dev.jlogin.config.Audiences;
import dev.jlogin.config.JLoginHome;
import dev.jlogin.config.LoginFlow;
import dev.jlogin.config.Policy;
import dev.jlogin.config.SettingSource;
import dev.jlogin.config.Settings;
import dev.jlogin.config.SettingsResolver;
import dev.jlogin.device.Sleeper;
import dev.jlogin.http.HttpLog;
import dev.jlogin.http.HttpSender;
import dev.jlogin.http.HttpTransport;
import dev.jlogin.http.Network;
import dev.jlogin.oauth.DeviceAuthorizationClient;
import dev.jlogin.oauth.IdTokenCheck;
import dev.jlogin.oauth.IdTokenVerifier;
import dev.jlogin.oauth.Discovery;
import dev.jlogin.oauth.ServerMetadata;
import dev.jlogin.oauth.TokenEndpoint;
import dev.jlogin.oauth.TokenRequest;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * jlogin as a library: one profile's login (in a browser or with the device flow), tokens, identity and logout, configured from
 * the same settings as the scripts (environment, catalog properties, the saved profile):
 *
 * <pre>{@code
 * var jl = JLogin.fromSettings();                 // or JLogin.issuer(URL).clientId(ID).build()
 * jl.login();                                     // prints the link and code, waits for approval
 * jl.whoami();                                    // Alice Tester <alice@example.com> at https://...
 * jl.http().get("https://api.example.com/me").body();
 * }</pre>
 *
 * Every method that needs a token refreshes it under the profile's lock when it expires soon, as
 * the {@code token} script does; failures are {@link JLoginException}s with a kind (the scripts'
 * exit code) and, where the server sent one, the OAuth error code. Results are records that hold
 * no token, or print it as {@code [redacted]}. One object may be used from several threads.
 */
public final class JLogin {
    /** How long a token handed out by {@link #token()} is valid at least, as for the {@code token} script. */
    public static final Duration DEFAULT_MIN_VALID = Duration.ofSeconds(60);
    /** Long enough for the userinfo request to be made with a token that is still valid. */
    public static final Duration USERINFO_MARGIN = Duration.ofSeconds(10);

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

    private JLogin(Builder builder) {
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

    /** Configured from the environment ({@code JLOGIN_*}), system properties ({@code jlogin.*}) and the saved profile. */
    public static JLogin fromSettings() {
        return builder().build();
    }

    /** A builder whose settings override the environment's and the properties'. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder for this issuer. */
    public static Builder issuer(String issuer) {
        return builder().issuer(issuer);
    }

    /** A builder for this client id. */
    public static Builder clientId(String clientId) {
        return builder().clientId(clientId);
    }

    /** A builder for this profile. */
    public static Builder profile(String profile) {
        return builder().profile(profile);
    }

    // --- the common path

    /**
     * Logs in, printing the link (and the device flow's code) to stderr; replaces the profile's
     * login. The flow is {@link #flow(Settings, ServerMetadata)}'s choice.
     */
    public Login login() {
        return login(LoginListener.printing(prompts));
    }

    /** Logs in, telling {@code listener} the link, the code and each poll. */
    public Login login(LoginListener listener) {
        return login(loginSettings(), listener);
    }

    /**
     * Logs in using {@code settings} (from {@link #loginSettings()}), for a caller that has
     * resolved them already, telling {@code listener} the link, the code and each poll.
     */
    public Login login(Settings settings, LoginListener listener) {
        ServerMetadata server = metadata().resolve(settings);
        NewLogin.Approved approved = approve(settings, server, listener);
        StoredLogin login = approved.login();
        return describe(settings, login, identity(settings, server, login), approved.idTokenCheck());
    }

    /** A new login at {@code server}, for a caller that needs its tokens (kubectl's plugin). */
    public StoredLogin newLogin(Settings settings, ServerMetadata server, LoginListener listener) {
        return approve(settings, server, listener).login();
    }

    private NewLogin.Approved approve(Settings settings, ServerMetadata server, LoginListener listener) {
        return flow(settings, server) == LoginFlow.BROWSER ? browserFlow(settings).approve(settings, server, listener)
                : deviceFlow(settings).approve(settings, server, listener);
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

    /** {@link #login()} on a thread of its own; cancelling the future ends the login. */
    public CompletableFuture<Login> loginAsync() {
        return loginAsync(LoginListener.printing(prompts));
    }

    /**
     * {@link #login(LoginListener)} on a thread of its own. Cancelling the future interrupts the
     * login: polling stops and, unless the tokens had arrived already, nothing is stored; the login
     * ends as cancelled (never "expired").
     */
    public CompletableFuture<Login> loginAsync(LoginListener listener) {
        CompletableFuture<Login> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(login(listener));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, "jlogin-login");
        thread.setDaemon(true);
        result.whenComplete((login, failure) -> {
            if (result.isCancelled()) {
                thread.interrupt();
            }
        });
        thread.start();
        return result;
    }

    /** A valid access token (for at least {@link #DEFAULT_MIN_VALID}), refreshed under the profile's lock if needed. */
    public AccessToken token() {
        return token(DEFAULT_MIN_VALID);
    }

    /** An access token valid for at least {@code minValid}, refreshed under the profile's lock if needed. */
    public AccessToken token(Duration minValid) {
        // the hot path: one read of the profile gives both its settings and its tokens
        Optional<StoredLogin.Parsed> entry = store().entry(profile());
        var tokens = tokens(settings(entry.map(StoredLogin.Parsed::settings)))
                .validFrom(entry.flatMap(StoredLogin.Parsed::login), minValid).tokens();
        return new AccessToken(tokens.accessToken(), tokens.tokenType(), tokens.expiresAt());
    }

    /**
     * A token for another API ({@code target}: an audience, a resource, a scope) from this login,
     * valid for at least {@link #DEFAULT_MIN_VALID}; see {@link #token(TokenRequest, Duration)}.
     */
    public AccessToken token(TokenRequest target) {
        return token(target, DEFAULT_MIN_VALID);
    }

    /**
     * A token for {@code target} valid for at least {@code minValid}: kept beside the login and
     * reused while it is valid, else obtained under the profile's lock by token exchange (RFC 8693)
     * or a refresh naming the API, as the provider offers. An audience may be a name the organisation's
     * {@code audiences} setting gives ({@code orders=orders-api}). A server that refuses is a configuration
     * error (exit 2) saying what the platform team must enable; the login's own token is never
     * handed out instead.
     */
    public AccessToken token(TokenRequest target, Duration minValid) {
        Optional<StoredLogin.Parsed> entry = store().entry(profile());
        var tokens = tokens(settings(entry.map(StoredLogin.Parsed::settings)))
                .targetFrom(entry.flatMap(StoredLogin.Parsed::login), allowed(target), minValid);
        return new AccessToken(tokens.accessToken(), tokens.tokenType(), tokens.expiresAt());
    }

    /**
     * {@code target} with an audience named in the organisation's {@code audiences} setting replaced
     * by that audience, if the policy allows the scopes it asks for.
     */
    private TokenRequest allowed(TokenRequest target) {
        List<String> extra = policy().beyondScopes(target.scope().map(dev.jlogin.oauth.TokenSet::scopes).orElse(List.of()));
        if (!extra.isEmpty()) {
            lifecycleLog().record("policy_refusal", profile(), Optional.empty(), Optional.empty(), Map.of("rule", "scopes"));
            throw policy().refusal("scopes", "the token for " + target.describe() + " asks for the scope " + String.join(" ", extra),
                    "ask only for " + String.join(" ", policy().scopes().orElseThrow()));
        }
        return target.audience().isEmpty() ? target : Audiences.from(source).resolve(target);
    }

    /** Who is logged in (the userinfo endpoint, else the ID token), refreshing first if the token has expired. */
    public Login whoami() {
        Settings settings = settings();
        StoredLogin login = tokens(settings).valid(USERINFO_MARGIN);
        ServerMetadata server = metadata().resolve(settings);
        Optional<IdTokenCheck> check = login.tokens().idToken().map(t -> idTokens().check(t, server,
                settings.provider().idTokenIssuers(server.issuer()), login.clientId()));
        return describe(settings, login, identityLookup(settings).lookup(server, login.tokens()), check);
    }

    /** Refreshes now, whatever the expiry. */
    public Refresh refresh() {
        Settings settings = settings();
        TokenManager.Refreshed refreshed = tokens(settings).refresh();
        return new Refresh(settings.profile(), refreshed.after().tokens().expiresAt(), refreshed.rotated());
    }

    /** Revokes the tokens at the server and deletes them here; the profile's settings stay. */
    public Revocation revoke() {
        return new Logout(this).run(profile(), this::settings);
    }

    /** An HTTP sender that adds the bearer token, and refreshes and retries once on a 401. */
    public AuthorizedHttp http() {
        TokenManager tokens = tokens(settings());
        return new AuthorizedHttp(transport(), refused -> tokens.valid(DEFAULT_MIN_VALID, refused).tokens().accessToken());
    }

    /** As {@link #http()}, with the token for another API ({@link #token(TokenRequest)}'s). */
    public AuthorizedHttp http(TokenRequest target) {
        TokenManager tokens = tokens(settings());
        TokenRequest api = allowed(target);
        return new AuthorizedHttp(transport(), refused -> tokens.target(api, DEFAULT_MIN_VALID, refused).accessToken());
    }

    // --- the parts, for the commands and for callers that need more

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
            policy().checkStore(storeKind(), source.get("store-fallback"));
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
        return source.get("store").orElse("file");
    }

    /** The store, whatever the policy says of it: an audit must see the logins kept where the policy forbids. */
    private synchronized TokenStore openStore() {
        if (store == null) {
            Duration lockTimeout = source.seconds("lock-timeout").orElse(TokenStore.DEFAULT_LOCK_TIMEOUT);
            Duration keyringTimeout = source.seconds("keyring-timeout").orElse(Backends.DEFAULT_KEYRING_TIMEOUT);
            store = new TokenStore(home, lockTimeout, Backends.select(storeKind(), source.get("store-fallback").orElse(null), home,
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
    public List<ProfileAudit> audit(boolean online) {
        return new Audit(openStore(), storeKind(), policy(), metadataCache(), online ? s -> metadata().resolve(s) : null,
                saved -> SettingsResolver.resolve(SettingSource.inCode(Map.of("profile", "default"), Map.of(), new Properties()),
                        Optional.of(saved)), clock).profiles();
    }

    /**
     * Settings for a command that uses a login, falling back to the saved profile: with neither a
     * server named nor a saved profile, what is missing is the login, not an issuer.
     */
    public Settings settings() {
        return settings(store().settings(profile()));
    }

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
                    new Network(variables, source.get("ca-file").map(Path::of)));
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
        return new TokenManager(store(), settings, this::metadata, () -> tokenEndpoint(settings), clock, policy().maxSession()
                .map(max -> new TokenManager.SessionLimit(max, policy().rule("max-session"))), lifecycleLog());
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
    private synchronized IdTokenVerifier idTokens() {
        if (idTokens == null) {
            idTokens = new IdTokenVerifier(transport(), clock);
        }
        return idTokens;
    }

    /** Who is logged in, asked the way the settings' provider tells. */
    public IdentityLookup identityLookup(Settings settings) {
        return new IdentityLookup(new UserInfoClient(transport()), settings.provider());
    }

    /** A login as the commands report it, with its ID token's check (made once, by whoever got the token). */
    private Login describe(Settings settings, StoredLogin login, Identity identity, Optional<IdTokenCheck> check) {
        return new Login(settings.profile(), settings.describeServer(), login.issuer(), login.clientId(), identity,
                login.tokens().scope(), login.tokens().expiresAt(), login.tokens().refreshToken().isPresent(), check,
                login.targetsHeld().stream().map(t -> new Login.Target(t, login.targets().get(t).expiresAt())).toList());
    }

    /** Who holds a fresh login; unknown, with a notice, if the server cannot say: the login itself worked. */
    private Identity identity(Settings settings, ServerMetadata server, StoredLogin login) {
        try {
            return identityLookup(settings).lookup(server, login.tokens());
        } catch (JLoginException e) {
            notices.accept("warning: logged in, but could not look up who: " + dev.jlogin.ServerText.sanitize(e.getMessage()));
            return Identity.unknown();
        }
    }

    @Override
    public String toString() {
        return "JLogin[profile=" + source.get("profile").orElse(SettingsResolver.DEFAULT_PROFILE)
                + source.get("issuer").map(i -> ", issuer=" + i).orElse("")
                + source.get("client-id").map(c -> ", client=" + c).orElse("") + ", home=" + home + "]";
    }

    /**
     * Settings and collaborators for a {@link JLogin}. Settings given here come first, then
     * {@code JLOGIN_*} variables, then {@code jlogin.*} properties, then the saved profile.
     */
    public static final class Builder {
        private final Map<String, String> settings = new HashMap<>();
        private boolean flags;
        private Map<String, String> variables = Host.variables();
        private Properties properties = Host.properties();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.REAL;
        private HttpSender transport;
        private HttpLog httpLog = HttpLog.NONE;
        private Consumer<String> notices = System.err::println;
        private PrintStream prompts = System.err;
        private Supplier<BrowserLauncher> browser;

        private Builder() {
        }

        public Builder issuer(String issuer) {
            return set("issuer", issuer);
        }

        public Builder clientId(String clientId) {
            return set("client-id", clientId);
        }

        public Builder profile(String profile) {
            return set("profile", profile);
        }

        public Builder scope(String scope) {
            return set("scope", scope);
        }

        /** How a new login is made: {@link LoginFlow#AUTO} (the default), in a browser, or with the device flow. */
        public Builder flow(LoginFlow flow) {
            return set("flow", flow.name().toLowerCase(java.util.Locale.ROOT));
        }

        /** {@code file}, {@code keyring} or {@code memory}. */
        public Builder store(String store) {
            return set("store", store);
        }

        /** Any setting by its flag name without dashes ({@code audience}, {@code token-endpoint}, ...). */
        public Builder set(String name, String value) {
            settings.put(name, value);
            return this;
        }

        /**
         * A command's flags, by name, as the commands parse them from their arguments: a message
         * about a missing setting then names its flag, where for a script it names what a script has.
         */
        public Builder flags(Map<String, String> values) {
            settings.putAll(values);
            flags = true;
            return this;
        }

        /**
         * A setting at the level of a catalog alias's properties ({@code jlogin.NAME}): what an
         * organisation's script or notebook sets, which {@code JLOGIN_*} variables still override.
         */
        public Builder property(String name, String value) {
            Properties layered = new Properties();
            layered.putAll(properties);
            layered.setProperty("jlogin." + name, value);
            properties = layered;
            return this;
        }

        /** The environment variables and system properties to read instead of the process's own. */
        public Builder environment(Map<String, String> variables, Properties properties) {
            this.variables = variables;
            this.properties = properties;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** How the device login waits between polls. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        /** Sends the library's requests through {@code transport} instead of the network. */
        public Builder transport(HttpSender transport) {
            this.transport = transport;
            return this;
        }

        /** Where each request's method, URL and status are noted (never headers or bodies). */
        public Builder httpLog(HttpLog log) {
            this.httpLog = log;
            return this;
        }

        /** Where warnings go (a keyring falling back to the file, a login whose user could not be looked up). */
        public Builder notices(Consumer<String> notices) {
            this.notices = notices;
            return this;
        }

        /**
         * What opens the browser login's link, made when a login first needs it (default: the
         * system's opener, none over SSH or without a display).
         */
        public Builder browser(Supplier<BrowserLauncher> browser) {
            this.browser = browser;
            return this;
        }

        /** Where {@link JLogin#login()} prints the link and code (default stderr). */
        public Builder prompts(PrintStream prompts) {
            this.prompts = prompts;
            return this;
        }

        public JLogin build() {
            return new JLogin(this);
        }
    }
}
