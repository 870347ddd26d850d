package dev.jlogin.cli;

import dev.jlogin.JLoginException;
import dev.jlogin.config.JLoginHome;
import dev.jlogin.config.SettingSource;
import dev.jlogin.config.Settings;
import dev.jlogin.config.SettingsResolver;
import dev.jlogin.http.HttpLog;
import dev.jlogin.http.HttpTransport;
import dev.jlogin.http.Network;
import dev.jlogin.json.Json;
import dev.jlogin.oauth.Discovery;
import dev.jlogin.oauth.TokenEndpoint;
import dev.jlogin.session.MetadataResolver;
import dev.jlogin.session.TokenManager;
import dev.jlogin.store.Backends;
import dev.jlogin.store.MetadataCache;
import dev.jlogin.store.SavedSettings;
import dev.jlogin.store.StoredLogin;
import dev.jlogin.store.TokenStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One command invocation: its options and the library objects built from them, on demand. */
public final class Context {
    private final Args args;
    private final Environment env;
    private final SettingSource source;
    private final Path home;
    private final HttpTransport http;
    private TokenStore store;
    private MetadataResolver metadata;

    Context(Args args, Environment env) {
        this.args = args;
        this.env = env;
        this.source = new SettingSource(args.asMap(), env.variables(), env.properties());
        this.home = JLoginHome.resolve(env.variables());
        this.http = new HttpTransport(HttpTransport.REQUEST_TIMEOUT,
                args.has("verbose") ? line -> env.err().println("* " + line) : HttpLog.NONE,
                new Network(env.variables(), source.get("ca-file").map(Path::of)));
    }

    public Args args() {
        return args;
    }

    public Environment env() {
        return env;
    }

    public boolean json() {
        return args.has("json");
    }

    public SettingSource source() {
        return source;
    }

    public Path home() {
        return home;
    }

    public String profile() {
        return SettingsResolver.profile(source);
    }

    public TokenStore store() {
        if (store == null) {
            Duration lockTimeout = source.get("lock-timeout").map(v -> Args.seconds(v, "JLOGIN_LOCK_TIMEOUT")).orElse(TokenStore.DEFAULT_LOCK_TIMEOUT);
            Duration keyringTimeout = source.get("keyring-timeout").map(v -> Args.seconds(v, "JLOGIN_KEYRING_TIMEOUT"))
                    .orElse(Backends.DEFAULT_KEYRING_TIMEOUT);
            store = new TokenStore(home, lockTimeout, Backends.select(source.get("store").orElse("file"),
                    source.get("store-fallback").orElse(null), home, keyringTimeout, this::say));
        }
        return store;
    }

    public Optional<StoredLogin> saved() {
        return store().read(profile());
    }

    /**
     * Settings from flags, environment and properties, falling back to the saved profile, for a
     * command that uses a login: with neither, what is missing is the login (exit 3), not an issuer.
     */
    public Settings settings() {
        Optional<SavedSettings> saved = store().settings(profile());
        if (saved.isEmpty() && !SettingsResolver.namesServer(source)) {
            List<String> known = store().profiles();
            throw new JLoginException(JLoginException.Kind.LOGIN_REQUIRED, "no login for profile '" + profile() + "' ("
                    + (known.isEmpty() ? "no profile has logged in yet" : "known profiles: " + String.join(", ", known)) + ")");
        }
        return SettingsResolver.resolve(source, saved);
    }

    /** Settings for a new login: without an issuer that is a usage error saying how to give one. */
    public Settings loginSettings() {
        return SettingsResolver.resolve(source, store().settings(profile()));
    }

    public HttpTransport http() {
        return http;
    }

    public MetadataResolver metadata() {
        if (metadata == null) {
            MetadataCache cache = store().backend().inProcess() ? MetadataCache.none(home, env.clock())
                    : new MetadataCache(home, env.clock());
            metadata = new MetadataResolver(new Discovery(http), cache);
        }
        return metadata;
    }

    public TokenEndpoint tokenEndpoint() {
        return new TokenEndpoint(http, env.clock());
    }

    public TokenManager tokens(Settings settings) {
        return new TokenManager(store(), settings, metadata(), tokenEndpoint(), env.clock());
    }

    /**
     * Stops a command that is about to print a token when stdout is a terminal: there it would end
     * up in scrollback and screen shares. The programs that take tokens (a pipe, git, kubectl) read
     * our stdout through a pipe, never a terminal.
     */
    void refuseTokenOnTerminal(String hint) {
        if (env.stdoutIsTerminal().getAsBoolean()) {
            throw Args.usage("refusing to print a token to a terminal; " + hint);
        }
    }

    /** A line for a person, on stderr: stdout is for results. */
    public void say(String line) {
        env.err().println(line);
    }

    public void printJson(Map<String, ?> object) {
        env.out().println(Json.write(object));
    }
}
