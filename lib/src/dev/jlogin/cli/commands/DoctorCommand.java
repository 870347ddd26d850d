package dev.jlogin.cli.commands;

import dev.jlogin.Host;
import dev.jlogin.JLoginException;
import dev.jlogin.UserHome;
import dev.jlogin.cli.Command;
import dev.jlogin.cli.CommandSpec;
import dev.jlogin.cli.Context;
import dev.jlogin.cli.ExitCode;
import dev.jlogin.cli.Options;
import dev.jlogin.cli.terminal.Format;
import dev.jlogin.cli.terminal.Terminal;
import dev.jlogin.config.JLoginHome;
import dev.jlogin.config.Setting;
import dev.jlogin.store.Backends;
import dev.jlogin.store.KeyringProbe;
import dev.jlogin.store.MetadataCache;
import dev.jlogin.store.SecureFiles;
import dev.jlogin.store.StoredLogin;
import dev.jlogin.store.TokenStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code doctor}: which token store is in use and why, and what is wrong with it, the keyring,
 * the session bus or the file permissions. Never prints a token; exits 7 when the chosen store
 * cannot be used.
 */
public final class DoctorCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.of("doctor", "explain where tokens are kept and what is wrong with the"
                    + " store")
            .about("Explains where tokens are kept and why (--store, JLOGIN_STORE, jlogin.store), checks the file"
                    + " permissions, the profile's lock and stored login, and whether a keyring is usable here"
                    + " (secret-tool or security, the D-Bus session, the Secret Service). Exits 7 when the chosen"
                    + " store cannot be used.")
            .options(Options.PROFILE, Options.STORE)
            .groups(Options.OUTPUT)
            .examples("", "--store keyring", "--json")
            .exits(ExitCode.OK, ExitCode.STORE);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    /**
     * The report as values (booleans, paths, modes, names; see the JSON schemas in docs/commands.md), with the
     * prose in {@code problems} and {@code hints}; the text form is rendered from the same values.
     */
    @Override
    public ExitCode run(Context ctx) {
        Map<String, Object> report = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> hints = new ArrayList<>();
        String profile = ctx.profile();
        Path profiles = ctx.home().resolve("profiles");
        report.put("profile", profile);
        JLoginHome.Choice home = JLoginHome.choose(ctx.env().variables());
        report.put("home", ctx.home().toString());
        report.put("home_from", home.from());
        report.put("user_home", UserHome.of(ctx.env().variables()).toString());
        report.put("user_home_from", UserHome.ofThisMachine().from(ctx.env().variables()));
        report.put("metadata_cache", ctx.home().resolve("cache").resolve("metadata").toString());
        report.put("store", ctx.source().get(Setting.STORE).orElse("file"));
        report.put("store_from", ctx.source().origin(Setting.STORE));
        report.put("store_fallback", ctx.source().get(Setting.STORE_FALLBACK).orElse("none"));
        report.put("home_directory", permissions(ctx.home(), SecureFiles.Kind.DIRECTORY, problems));
        report.put("profiles_directory", permissions(profiles, SecureFiles.Kind.DIRECTORY, problems));
        Map<String, Object> loginFile = permissions(profiles.resolve(profile + ".json"), SecureFiles.Kind.FILE, problems);
        report.put("login_file", loginFile);
        report.put("metadata_cache_trusted", metadataCacheTrusted(ctx, problems));

        String keyring = KeyringProbe.probe(ctx.source().seconds(Setting.KEYRING_TIMEOUT).orElse(Backends.DEFAULT_KEYRING_TIMEOUT));
        boolean dbus = ctx.env().variables().containsKey("DBUS_SESSION_BUS_ADDRESS");
        report.put("keyring_usable", keyring.equals("answers"));
        report.put("dbus_session", dbus);
        if (!keyring.equals("answers")) {
            String why = "the keyring " + keyring + (!dbus && keyringUsesDbus() ? " (there is no D-Bus session: over SSH or in CI, use"
                    + " --store file, or run inside dbus-run-session with an unlocked keyring)" : "");
            (report.get("store").equals("keyring") ? problems : hints).add(why);
        }

        try {
            TokenStore store = ctx.store();
            report.put("store_backend", store.backend().describe());
            // a read would reset a login file that others can read: doctor only looks
            if (Boolean.TRUE.equals(loginFile.get("trusted")) || !report.get("store").equals("file")) {
                Optional<StoredLogin> login = store.read(profile);
                report.put("logged_in", login.isPresent());
                login.ifPresent(l -> report.put("login", loginValues(l)));
            }
            report.put("lock", lockState(store, profile, problems));
        } catch (JLoginException e) {
            problems.add(e.getMessage());
        }
        report.put("status", problems.isEmpty() ? "ok" : "problem");
        report.put("problems", problems);
        report.put("hints", hints);
        print(ctx, report);
        return problems.isEmpty() ? ExitCode.OK : ExitCode.STORE;
    }

    /** The Secret Service is reached over D-Bus; the Keychain (and Windows, which has no keyring here) needs none. */
    private static boolean keyringUsesDbus() {
        return !Host.isMac() && !Host.isWindows();
    }

    private static Map<String, Object> loginValues(StoredLogin login) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("provider", login.provider());
        login.issuer().ifPresent(i -> values.put("issuer", i));
        values.put("client_id", login.clientId());
        login.tokens().expiresAt().ifPresent(t -> values.put("expires_at", Format.timestamp(t)));
        values.put("has_refresh_token", login.tokens().refreshToken().isPresent());
        return values;
    }

    /** Looked at, not taken: taking it would create the lock file, and wait behind a holder. */
    private static String lockState(TokenStore store, String profile, List<String> problems) {
        try {
            switch (store.lockState(profile)) {
                case ABSENT:
                    return "absent";
                case HELD:
                    return "held";
                default:
                    return "free";
            }
        } catch (IOException e) {
            problems.add("cannot inspect the lock of profile '" + profile + "': " + e.getMessage());
            return "unusable";
        }
    }

    /** A file or folder as values: path, whether it exists, is a symbolic link, its mode, and whether it may be trusted. */
    private static Map<String, Object> permissions(Path path, SecureFiles.Kind kind, List<String> problems) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("path", path.toString());
        boolean exists = Files.exists(path, LinkOption.NOFOLLOW_LINKS);
        values.put("exists", exists);
        values.put("symbolic_link", Files.isSymbolicLink(path));
        boolean trusted = true;
        if (exists) {
            try {
                Optional<String> problem = SecureFiles.problem(path, kind);
                problem.map(p -> p.contains("accessible to other users") ? p + "; the next command that reads it resets it" : p)
                        .ifPresent(problems::add);
                trusted = problem.isEmpty();
                values.put("mode", PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS)));
            } catch (UnsupportedOperationException e) {
                // Windows: no POSIX mode to show; the folder's ACL applies
            } catch (IOException e) {
                problems.add("cannot inspect " + path + ": " + e.getMessage());
                trusted = false;
            }
        }
        values.put("trusted", trusted);
        return values;
    }

    /** Cache entries that are not used because they cannot be trusted: each one is a problem. */
    private static boolean metadataCacheTrusted(Context ctx, List<String> problems) {
        try {
            List<String> found = new MetadataCache(ctx.home(), ctx.env().clock()).problems();
            problems.addAll(found);
            return found.isEmpty();
        } catch (IOException e) {
            problems.add("cannot inspect the metadata cache: " + e.getMessage());
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static void print(Context ctx, Map<String, Object> report) {
        if (ctx.json()) {
            ctx.printJson(report);
            return;
        }
        var out = ctx.env().out();
        out.println("jlogin doctor, profile '" + report.get("profile") + "'");
        out.println("  home:          " + report.get("home") + " (from " + report.get("home_from") + ")");
        out.println("  user home:     " + report.get("user_home") + " (from " + report.get("user_home_from") + ")");
        out.println("  store:         " + report.get("store") + " (chosen by " + report.get("store_from") + "; fallback: "
                + report.get("store_fallback") + ")" + (report.containsKey("store_backend") ? ", " + report.get("store_backend") : ""));
        out.println("  home dir:      " + describe((Map<String, Object>) report.get("home_directory")));
        out.println("  profiles dir:  " + describe((Map<String, Object>) report.get("profiles_directory")));
        out.println("  login file:    " + describe((Map<String, Object>) report.get("login_file")));
        out.println("  metadata cache: " + report.get("metadata_cache") + " ("
                + (Boolean.TRUE.equals(report.get("metadata_cache_trusted")) ? "trusted" : "not trusted, see below") + ")");
        out.println("  login:         " + (report.containsKey("login") ? describeLogin(ctx, (Map<String, Object>) report.get("login"))
                : report.containsKey("logged_in") ? "none" : "unknown"));
        out.println("  lock:          " + (report.get("lock") == null ? "unknown" : switch ((String) report.get("lock")) {
            case "held" -> "held by another process (a login or refresh in progress)";
            case "absent" -> "none yet";
            default -> report.get("lock");
        }));
        out.println("  keyring:       " + (Boolean.TRUE.equals(report.get("keyring_usable")) ? "answers" : "not usable")
                + (keyringUsesDbus() ? " (D-Bus session " + (Boolean.TRUE.equals(report.get("dbus_session")) ? "set" : "not set")
                + ")" : ""));
        List<String> problems = (List<String>) report.get("problems");
        out.println(problems.isEmpty() ? "No problems found." : "Problems:");
        problems.forEach(p -> out.println("  - " + Terminal.sanitize(p)));
        List<String> hints = (List<String>) report.get("hints");
        if (!hints.isEmpty()) {
            out.println("Notes:");
            hints.forEach(h -> out.println("  - " + Terminal.sanitize(h)));
        }
    }

    private static String describe(Map<String, Object> file) {
        if (!Boolean.TRUE.equals(file.get("exists"))) {
            return "absent";
        }
        if (Boolean.TRUE.equals(file.get("symbolic_link"))) {
            return "symbolic link";
        }
        return String.valueOf(file.getOrDefault("mode", "no POSIX permissions here (Windows: the folder's ACL applies)"));
    }

    private static String describeLogin(Context ctx, Map<String, Object> login) {
        return "present for " + Terminal.sanitize(String.valueOf(login.getOrDefault("issuer", "explicit endpoints")))
                + " (provider " + Terminal.sanitize(String.valueOf(login.get("provider"))) + "), client "
                + Terminal.sanitize(String.valueOf(login.get("client_id"))) + "; access token "
                + Format.expiry(Optional.ofNullable((String) login.get("expires_at")).map(Instant::parse), ctx.env().clock().instant())
                + "; refresh token " + (Boolean.TRUE.equals(login.get("has_refresh_token")) ? "stored" : "none");
    }
}
