package dev.jlogin.cli;

import dev.jlogin.JLoginException;
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
            .examples("", "--store keyring", "--json");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public ExitCode run(Context ctx) {
        Map<String, Object> report = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String profile = ctx.profile();
        Path profiles = ctx.home().resolve("profiles");
        report.put("profile", profile);
        report.put("home", ctx.home().toString());
        report.put("home_from", ctx.env().variables().containsKey("JLOGIN_HOME") ? "JLOGIN_HOME" : "default");
        report.put("store", ctx.source().get("store").orElse("file"));
        report.put("store_from", ctx.source().origin("store"));
        report.put("store_fallback", ctx.source().get("store-fallback").orElse("none"));
        report.put("home_directory", permissions(ctx.home(), SecureFiles.Kind.DIRECTORY, problems));
        report.put("profiles_directory", permissions(profiles, SecureFiles.Kind.DIRECTORY, problems));
        report.put("login_file", permissions(profiles.resolve(profile + ".json"), SecureFiles.Kind.FILE, problems));
        report.put("metadata_cache", metadataCache(ctx, problems));

        String keyring = KeyringProbe.probe(Backends.DEFAULT_KEYRING_TIMEOUT);
        report.put("keyring", keyring);
        report.put("dbus_session", ctx.env().variables().containsKey("DBUS_SESSION_BUS_ADDRESS") ? "set" : "not set");
        if (report.get("store").equals("keyring") && !keyring.equals("answers")) {
            problems.add("the keyring is chosen but " + keyring
                    + (report.get("dbus_session").equals("not set") ? " (there is no D-Bus session: over SSH or in CI, use"
                    + " --store file, or run inside dbus-run-session with an unlocked keyring)" : ""));
        }

        try {
            TokenStore store = ctx.store();
            report.put("store_backend", store.backend().describe());
            Optional<StoredLogin> login = store.read(profile);
            report.put("login", login.map(l -> "present for " + l.issuer().orElse("explicit endpoints") + ", client "
                    + l.clientId() + "; access token " + Format.expiry(l.tokens().expiresAt(), ctx.env().clock().instant())
                    + "; refresh token " + (l.tokens().refreshToken().isPresent() ? "stored" : "none")).orElse("none"));
            report.put("lock", lockState(store, profile, problems));
        } catch (JLoginException e) {
            problems.add(e.getMessage());
        }
        report.put("problems", problems);
        print(ctx, report);
        return problems.isEmpty() ? ExitCode.OK : ExitCode.STORE;
    }

    /** Looked at, not taken: taking it would create the lock file, and wait behind a holder. */
    private static String lockState(TokenStore store, String profile, List<String> problems) {
        try {
            switch (store.lockState(profile)) {
                case ABSENT:
                    return "none yet";
                case HELD:
                    return "held by another process (a login or refresh in progress)";
                default:
                    return "free";
            }
        } catch (IOException e) {
            problems.add("cannot inspect the lock of profile '" + profile + "': " + e.getMessage());
            return "unusable";
        }
    }

    private static String permissions(Path path, SecureFiles.Kind kind, List<String> problems) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return "absent";
        }
        try {
            Optional<String> problem = SecureFiles.problem(path, kind);
            problem.map(p -> p.contains("accessible to other users") ? p + "; the next read resets it" : p).ifPresent(problems::add);
            if (Files.isSymbolicLink(path)) {
                return "symbolic link";
            }
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
        } catch (UnsupportedOperationException e) {
            return "no POSIX permissions here (Windows: the folder's ACL applies)";
        } catch (IOException e) {
            problems.add("cannot inspect " + path + ": " + e.getMessage());
            return "unreadable";
        }
    }

    /** Cache entries that are not used because they cannot be trusted: each one is a problem. */
    private static String metadataCache(Context ctx, List<String> problems) {
        try {
            List<String> found = new MetadataCache(ctx.home(), ctx.env().clock()).problems();
            problems.addAll(found);
            return found.isEmpty() ? "trusted" : found.size() + " problem(s), see below";
        } catch (IOException e) {
            problems.add("cannot inspect the metadata cache: " + e.getMessage());
            return "unreadable";
        }
    }

    private static void print(Context ctx, Map<String, Object> report) {
        if (ctx.json()) {
            ctx.printJson(report);
            return;
        }
        var out = ctx.env().out();
        out.println("jlogin doctor, profile '" + report.get("profile") + "'");
        out.println("  home:          " + report.get("home") + " (" + report.get("home_from") + ")");
        out.println("  store:         " + report.get("store") + " (chosen by " + report.get("store_from") + "; fallback: "
                + report.get("store_fallback") + ")" + (report.containsKey("store_backend") ? ", " + report.get("store_backend") : ""));
        out.println("  home dir:      " + report.get("home_directory"));
        out.println("  profiles dir:  " + report.get("profiles_directory"));
        out.println("  login file:    " + report.get("login_file"));
        out.println("  metadata cache: " + report.get("metadata_cache"));
        out.println("  login:         " + Terminal.sanitize(String.valueOf(report.getOrDefault("login", "unknown"))));
        out.println("  lock:          " + report.getOrDefault("lock", "unknown"));
        out.println("  keyring:       " + Terminal.sanitize(String.valueOf(report.get("keyring"))) + " (D-Bus session "
                + report.get("dbus_session") + ")");
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) report.get("problems");
        out.println(problems.isEmpty() ? "No problems found." : "Problems:");
        problems.forEach(p -> out.println("  - " + Terminal.sanitize(p)));
    }
}
