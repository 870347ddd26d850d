package dev.jlogin.cli.commands;

import dev.jlogin.JLoginException;
import dev.jlogin.cli.Command;
import dev.jlogin.cli.CommandSpec;
import dev.jlogin.cli.Context;
import dev.jlogin.cli.ExitCode;
import dev.jlogin.cli.Invocation;
import dev.jlogin.cli.Option;
import dev.jlogin.cli.Options;
import dev.jlogin.cli.terminal.Format;
import dev.jlogin.cli.terminal.Terminal;
import dev.jlogin.config.Setting;
import dev.jlogin.config.SettingSource;
import dev.jlogin.config.Settings;
import dev.jlogin.config.SettingsResolver;
import dev.jlogin.oauth.TokenRequest;
import dev.jlogin.session.Identity;
import dev.jlogin.session.IdentityLookup;
import dev.jlogin.session.JLogin;
import dev.jlogin.store.SavedSettings;
import dev.jlogin.store.StoredLogin;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code status}: every profile at a glance (user, provider, server, client, store, expiry) and whether it
 * works, like {@code gh auth status}: exit 1 when any has a problem. Offline by default: a valid
 * token counts as working, and an expired one with a refresh token is said to be expired with its
 * refresh untested, which is no problem; {@code --online} asks the server, refreshing what has
 * expired and calling userinfo.
 */
public final class StatusCommand implements Command {
    /** A profile's status, and the command's: the "status" JSON schema in docs/commands.md lists them. */
    private static final String OK = "ok";
    private static final String EXPIRED = "expired";
    private static final String PROBLEM = "problem";
    static final CommandSpec SPEC = CommandSpec.of("status", "every profile: who, where, until when, and whether it works")
            .about("Shows every stored profile: user, issuer, client, store, token expiry, and whether it works;"
                    + " the profile that commands use without --profile is marked. Tokens are never shown."
                    + " Exits 1 when any profile has a problem (not logged in, expired without a refresh token, or"
                    + " refused by the server with --online); offline, an expired token's refresh is not tried.")
            .options(Option.flag("online", "ask the server: refresh what has expired and call userinfo"),
                    Option.value("profile", "NAME", "only this profile"),
                    Options.STORE)
            .groups(Options.NETWORK, Options.OUTPUT)
            .examples("", "--online", "--profile work --json")
            .exits(ExitCode.OK, ExitCode.PROBLEM, ExitCode.STORE);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public ExitCode run(Context ctx) {
        // status's own --profile picks the profile to show; the default is what other commands use without one
        SettingSource withoutFlags = new SettingSource(Map.of(), ctx.env().variables(), ctx.env().properties());
        String current = SettingsResolver.profile(withoutFlags);
        String from = withoutFlags.origin(Setting.PROFILE);
        List<String> names = ctx.args().value("profile").map(List::of).orElseGet(() -> ctx.store().profiles());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String name : names) {
            rows.add(describe(ctx, name, name.equals(current)));
        }
        boolean problem = rows.isEmpty() || rows.stream().anyMatch(r -> r.get("status").equals(PROBLEM));
        if (ctx.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("status", problem ? PROBLEM : OK);
            json.put("default_profile", current);
            json.put("default_profile_from", from);
            json.put("store", ctx.store().backend().describe());
            json.put("profiles", rows);
            ctx.printJson(json);
        } else {
            print(ctx, rows, from.equals("default") ? "default" : "default: " + from);
        }
        return problem ? ExitCode.PROBLEM : ExitCode.OK;
    }

    private static Map<String, Object> describe(Context ctx, String profile, boolean isDefault) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("profile", profile);
        row.put("default", isDefault);
        try {
            Optional<StoredLogin.Parsed> entry = ctx.store().entry(profile);
            if (entry.isEmpty()) {
                return problem(ctx, row, profile, "no login");
            }
            SavedSettings saved = entry.get().settings();
            row.put("provider", saved.provider());
            saved.issuer().ifPresent(i -> row.put("issuer", i));
            row.put("client_id", saved.clientId());
            row.put("store", ctx.store().backend().describe());
            Optional<StoredLogin> login = entry.get().login();
            if (login.isEmpty()) {
                return problem(ctx, row, profile, "not logged in");
            }
            Identity identity = IdentityLookup.fromIdToken(login.get().tokens());
            if (ctx.args().has("online")) {
                Settings settings = settings(ctx, profile, saved);
                StoredLogin valid = ctx.tokens(settings).valid(JLogin.USERINFO_MARGIN);
                identity = ctx.identityLookup(settings).lookup(ctx.metadata().resolve(settings), valid.tokens());
                login = Optional.of(valid);
                row.put("checked_with", identity.source().equals("userinfo") ? "userinfo" : "refresh");
            }
            if (!identity.equals(Identity.unknown())) {
                row.put("user", Terminal.sanitize(identity.display()));
            }
            Instant now = ctx.env().clock().instant();
            login.get().tokens().expiresAt().ifPresent(t -> row.put("expires_at", Format.timestamp(t)));
            row.put("has_refresh_token", login.get().tokens().refreshToken().isPresent());
            StoredLogin held = login.get();
            if (!held.targets().isEmpty()) {
                row.put("targets", held.targetsHeld().stream()
                        .map(t -> WhoamiCommand.targetJson(t, held.targets().get(t).expiresAt())).toList());
            }
            boolean expired = !login.get().tokens().isValidFor(Duration.ZERO, now);
            if (expired && login.get().tokens().refreshToken().isEmpty()) {
                return problem(ctx, row, profile, "the access token has expired and there is no refresh token");
            }
            // offline, nothing tells whether the refresh token still works: the server may be gone
            row.put("status", expired ? EXPIRED : OK);
            return row;
        } catch (JLoginException e) {
            return problem(ctx, row, profile, Terminal.sanitize(e.getMessage()));
        }
    }

    /** The profile's own saved settings, with the client secret from the environment if there is one. */
    private static Settings settings(Context ctx, String profile, SavedSettings saved) {
        Map<String, String> secretOnly = new LinkedHashMap<>();
        for (String name : List.of("JLOGIN_CLIENT_SECRET", "JLOGIN_CLIENT_SECRET_FILE")) {
            Optional.ofNullable(ctx.env().variables().get(name)).ifPresent(s -> secretOnly.put(name, s));
        }
        return SettingsResolver.resolve(new SettingSource(Map.of(Setting.PROFILE.key(), profile), secretOnly, new Properties()), Optional.of(saved));
    }

    private static Map<String, Object> problem(Context ctx, Map<String, Object> row, String profile, String what) {
        row.put("status", PROBLEM);
        row.put("problem", what);
        row.put("fix", Invocation.of(ctx.env()).loginCommand(profile));
        return row;
    }

    /** @param label what marks the default profile, and where that choice came from */
    private static void print(Context ctx, List<Map<String, Object>> rows, String label) {
        PrintStream out = ctx.env().out();
        if (rows.isEmpty()) {
            out.println("No profile has logged in yet; log in with: " + Invocation.of(ctx.env()).command("login"));
            return;
        }
        String online = Invocation.of(ctx.env()).command("status") + " --online";
        boolean asked = ctx.args().has("online");
        Instant now = ctx.env().clock().instant();
        for (Map<String, Object> row : rows) {
            out.println(row.get("profile") + (Boolean.TRUE.equals(row.get("default")) ? " (" + label + ")" : ""));
            if (row.containsKey("has_refresh_token")) { // someone is logged in: say who, or why that is unknown
                line(out, "user", Optional.ofNullable(row.get("user")).orElse(asked ? "unknown (the server did not say)"
                        : "unknown (no ID token; " + online + " asks the server)"));
            }
            line(out, "provider", row.get("provider") == null ? null : Terminal.sanitize((String) row.get("provider")));
            line(out, "issuer", row.get("issuer") == null ? null : Terminal.sanitize((String) row.get("issuer")));
            line(out, "client", row.get("client_id") == null ? null : Terminal.sanitize((String) row.get("client_id")));
            line(out, "store", row.get("store"));
            if (row.containsKey("has_refresh_token")) {
                line(out, "token", Format.expiry(Optional.ofNullable((String) row.get("expires_at")).map(Instant::parse), now)
                        + (Boolean.TRUE.equals(row.get("has_refresh_token")) ? "; refresh token stored" : "; no refresh token"));
            }
            if (row.get("targets") instanceof List<?> targets) {
                line(out, "APIs", targets.stream().map(t -> apiLine((Map<?, ?>) t, now)).collect(java.util.stream.Collectors.joining("; ")));
            }
            line(out, "status", switch ((String) row.get("status")) {
                case OK -> "ok" + (row.containsKey("checked_with") ? " (the server answered " + row.get("checked_with") + ")" : "");
                case EXPIRED -> "expired, refresh untested (" + online + " tries it)";
                default -> "problem: " + row.get("problem") + "; log in with: " + row.get("fix");
            });
        }
    }

    /** A token held for another API, from its JSON row: which API, and how long it is valid. */
    private static String apiLine(Map<?, ?> target, Instant now) {
        TokenRequest request = new TokenRequest(field(target, "audience"), field(target, "resource"), field(target, "scope"));
        return Terminal.sanitize(request.describe()) + " (" + Format.expiry(field(target, "expires_at").map(Instant::parse), now) + ")";
    }

    private static Optional<String> field(Map<?, ?> row, String name) {
        return Optional.ofNullable((String) row.get(name));
    }

    private static void line(PrintStream out, String label, Object value) {
        if (value != null) {
            out.printf("  %-9s %s%n", label + ":", value);
        }
    }
}
