package dev.jlogin.cli;

import dev.jlogin.config.SettingsResolver;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * How the user runs jlogin, so that what we print names a command that works as shown: the
 * installed launcher (its name {@code jlogin.launcher} and path {@code jlogin.launcher-path}, both
 * set by the launcher), or a catalog alias ({@code jbang login@acme}, when a catalog sets
 * {@code jlogin.catalog}).
 */
public record Invocation(Optional<String> launcher, Optional<String> launcherPath, Optional<String> catalog) {
    /** Launcher names become file names in a bin directory. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9@%+=:,./_-]+");

    public static Invocation of(Properties properties) {
        return new Invocation(
                Optional.ofNullable(properties.getProperty("jlogin.launcher")).filter(n -> NAME.matcher(n).matches()),
                nonBlank(properties.getProperty("jlogin.launcher-path")),
                nonBlank(properties.getProperty("jlogin.catalog")));
    }

    /** For a person to type: "acme login", "jbang login@acme", or just "login" when we cannot tell. */
    public String command(String subcommand) {
        return launcher.map(n -> n + " " + subcommand)
                .or(() -> shellCommand(subcommand))
                .orElse(subcommand);
    }

    /** The login command for {@code profile}: a hint that logs in to the profile the user is on. */
    public String loginCommand(String profile) {
        return command("login") + (profile.equals(SettingsResolver.DEFAULT_PROFILE) ? "" : " --profile " + profile);
    }

    /** The launcher as a person types it: "acme", "jbang jlogin@acme" (the catalog's alias), else "jlogin". */
    public String launcherCommand() {
        return launcher.or(() -> catalog.map(c -> "jbang " + quote("jlogin@" + c))).orElse("jlogin");
    }

    /**
     * For a program to run through the shell (git's {@code !helper} lines, a kubeconfig's exec
     * entry): the launcher by its absolute path, else JBang with the catalog; empty when neither is known.
     */
    public Optional<String> shellCommand(String subcommand) {
        return launcherPath.map(path -> quote(path) + " " + subcommand)
                .or(() -> catalog.map(c -> "jbang " + quote(subcommand + "@" + c)));
    }

    /** The same as {@link #shellCommand}, as a program and its arguments (for a kubeconfig's exec entry). */
    public Optional<List<String>> argv(String subcommand) {
        return launcherPath.map(path -> List.of(path, subcommand))
                .or(() -> catalog.map(c -> List.of("jbang", subcommand + "@" + c)));
    }

    /** One shell word: as is when plain, else in single quotes. */
    public static String quote(String word) {
        return PLAIN_WORD.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }
}
