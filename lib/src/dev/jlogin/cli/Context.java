package dev.jlogin.cli;

import dev.jlogin.cli.terminal.Environment;
import dev.jlogin.config.Audiences;
import dev.jlogin.config.Setting;
import dev.jlogin.config.SettingSource;
import dev.jlogin.config.Settings;
import dev.jlogin.http.HttpLog;
import dev.jlogin.json.Json;
import dev.jlogin.oauth.TokenRequest;
import dev.jlogin.session.AccessToken;
import dev.jlogin.session.DeviceFlow;
import dev.jlogin.session.IdentityLookup;
import dev.jlogin.session.JLogin;
import dev.jlogin.session.MetadataResolver;
import dev.jlogin.session.TokenManager;
import dev.jlogin.session.Wiring;
import dev.jlogin.store.StoredLogin;
import dev.jlogin.store.TokenStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One command invocation: its options, and the library's {@link JLogin} configured from them
 * (flags first, then environment, properties and the saved profile) and from the environment.
 */
public final class Context {
    private final Args args;
    private final Environment env;
    private final JLogin api;
    /** The options naming the API a token is for, for a command that takes them; else null. */
    private final OptionGroup target;

    Context(Args args, Environment env, CommandSpec spec) {
        this.args = args;
        this.env = env;
        this.target = targetOptions(spec);
        this.api = library(flags(args, target));
    }

    /**
     * The command's options naming the API a token is for, if it takes them. Compared by identity:
     * a record's equals is bootstrapped on first use, about 15 ms of every call, start-up cache or not.
     */
    private static OptionGroup targetOptions(CommandSpec spec) {
        for (OptionGroup group : spec.groups()) {
            if (group == Options.TARGET || group == Options.TOKEN_TARGET) {
                return group;
            }
        }
        return null;
    }

    private JLogin library(Map<String, String> flags) {
        return JLogin.builder().flags(flags).environment(env.variables(), env.properties())
                .clock(env.clock()).sleeper(env.sleeper()).browser(env.browser())
                .httpLog(args.has("verbose") ? line -> env.err().println("* " + line) : HttpLog.NONE)
                .notices(this::say).prompts(env.err()).build();
    }

    /**
     * The flags as settings: {@code --browser} and {@code --device} are {@code --flow} in short,
     * and {@code --no-browser} means the device flow, whose link is then only printed.
     */
    private static Map<String, String> flags(Args args, OptionGroup target) {
        if (target != null) {
            // the API a token is for is not a setting of the login (--audience and --scope are, at login)
            Map<String, String> flags = new java.util.HashMap<>(flags(args, null));
            target.options().forEach(option -> flags.remove(option.name()));
            return flags;
        }
        // conditionals, not a stream: this runs on every token call
        boolean browser = args.has("browser");
        boolean device = args.has("device") || args.has("no-browser");
        if (browser && device) {
            throw Args.usage("--browser and --" + (args.has("device") ? "device" : "no-browser") + " exclude each other");
        }
        if ((browser || device) && args.has("flow")) {
            throw Args.usage("--flow and --" + (browser ? "browser" : args.has("device") ? "device" : "no-browser")
                    + " exclude each other");
        }
        if (!browser && !device) {
            return args.asMap();
        }
        Map<String, String> flags = new java.util.HashMap<>(args.asMap());
        flags.put(Setting.FLOW.key(), browser ? "browser" : "device");
        return flags;
    }

    public Args args() {
        return args;
    }

    public Environment env() {
        return env;
    }

    /** The library, configured for this invocation: what the commands render. */
    public JLogin api() {
        return api;
    }

    /** The library as {@link #api()}, for another profile ({@code revoke --all}). */
    public JLogin api(String profile) {
        Map<String, String> flags = new java.util.HashMap<>(flags(args, target));
        flags.put(Setting.PROFILE.key(), profile);
        return library(flags);
    }

    public boolean json() {
        return args.has("json");
    }

    public SettingSource source() {
        return api.parts().source();
    }

    public Path home() {
        return api.parts().home();
    }

    public String profile() {
        return api.profile();
    }

    public TokenStore store() {
        return api.parts().store();
    }

    public Optional<StoredLogin> saved() {
        return store().read(profile());
    }

    /**
     * Settings from flags, environment and properties, falling back to the saved profile, for a
     * command that uses a login: with neither, what is missing is the login (exit 3), not an issuer.
     */
    public Settings settings() {
        return api.parts().settings();
    }

    /**
     * A setting given to this call by a flag or a JLOGIN_* variable: a command set up now for git
     * or kubectl to run later would not see it, so it must be carried along.
     */
    public Optional<String> carried(Setting setting) {
        String origin = source().origin(setting);
        return origin.equals(setting.flag()) || origin.equals(setting.variable()) ? source().get(setting) : Optional.empty();
    }

    /** The profile as read once from the store: settings, token manager and login (see {@link Wiring#readOnce()}). */
    public Wiring.OneRead readOnce() {
        return api.parts().readOnce();
    }

    /** Settings for a new login: without an issuer that is a usage error saying how to give one. */
    public Settings loginSettings() {
        return api.parts().loginSettings();
    }

    /** How long the token a command hands out stays valid at least: --min-valid, else the library's default. */
    public Duration minValid() {
        return args.value("min-valid").map(v -> Args.seconds(v, "--min-valid")).orElse(JLogin.DEFAULT_MIN_VALID);
    }

    /** The API the command's token is for, when its target options name one; empty: the login's own token. */
    public Optional<TokenRequest> target() {
        if (target == null) {
            return Optional.empty();
        }
        boolean prefixed = target == Options.TOKEN_TARGET;
        Optional<String> audience = args.value(prefixed ? "token-audience" : "audience");
        Optional<String> resource = args.value(prefixed ? "token-resource" : "resource");
        Optional<String> scope = args.value(prefixed ? "token-scope" : "scope");
        return audience.isEmpty() && resource.isEmpty() && scope.isEmpty() ? Optional.empty()
                : Optional.of(new TokenRequest(audience, resource, scope));
    }

    /**
     * The API the command's token is for: its target options, else the audience the organisation
     * names for {@code service} (a git host, {@link Audiences#KUBERNETES}); empty: the login's own
     * token. An audience that is one of the organisation's names is resolved where the token is
     * obtained.
     */
    public Optional<TokenRequest> target(String service) {
        return target().or(() -> Audiences.from(source()).named(service).map(TokenRequest::audience));
    }

    /** The token this command hands out, valid for --min-valid: for the API its target options name, else the login's own. */
    public AccessToken token() {
        Optional<TokenRequest> api = target();
        return api.isPresent() ? this.api.token(api.get(), minValid()) : this.api.token(minValid());
    }

    public MetadataResolver metadata() {
        return api.parts().metadata();
    }

    public TokenManager tokens(Settings settings) {
        return api.parts().tokens(settings);
    }

    public DeviceFlow deviceFlow(Settings settings) {
        return api.parts().deviceFlow(settings);
    }

    /** Who is logged in, asked the way the settings' provider tells. */
    public IdentityLookup identityLookup(Settings settings) {
        return api.parts().identityLookup(settings);
    }

    /**
     * Stops a command that is about to print a token when stdout is a terminal: there it would end
     * up in scrollback and screen shares. The programs that take tokens (a pipe, git, kubectl) read
     * our stdout through a pipe, never a terminal.
     */
    public void refuseTokenOnTerminal(String hint) {
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
