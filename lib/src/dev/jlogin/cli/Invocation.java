package dev.jlogin.cli;

import dev.jlogin.cli.terminal.Environment;
import dev.jlogin.config.SettingsResolver;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the user runs jlogin, so that what we print names a command that works as shown, pasted
 * where it was printed: the installed launcher (its name {@code jlogin.launcher} and path
 * {@code jlogin.launcher-path}, both set by the launcher), a catalog alias ({@code jbang login@acme},
 * when a catalog sets {@code jlogin.catalog}), or a clone of this repository ({@code ./jbang
 * login@jbang-catalog.json}).
 *
 * @param jbang   JBang as the user typed it ({@code jbang}, {@code ./jbang})
 * @param catalog the catalog as the user can name it: a published catalog's name, or a clone's
 *                catalog file (relative to the working folder when it lies within it)
 * @param absolute the same two for a program that runs later from any folder (git, kubectl)
 * @param repository the clone of this repository it runs from, when it does
 */
public record Invocation(Optional<String> launcher, Optional<String> launcherPath, String jbang, Optional<String> catalog,
                         Optional<List<String>> absolute, Optional<Path> repository) {
    /** Launcher names become file names in a bin directory. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9@%+=:,./_-]+");
    private static final String CATALOG_FILE = "jbang-catalog.json";

    public static Invocation of(Environment env) {
        Optional<String> launcher = Optional.ofNullable(env.properties().getProperty("jlogin.launcher"))
                .filter(n -> NAME.matcher(n).matches());
        Optional<String> launcherPath = nonBlank(env.properties().getProperty("jlogin.launcher-path"));
        Optional<String> published = nonBlank(env.properties().getProperty("jlogin.catalog"));
        if (published.isPresent() || launcher.isPresent() || launcherPath.isPresent()) {
            return new Invocation(launcher, launcherPath, "jbang", published, published.map(c -> List.of("jbang", c)),
                    Optional.empty());
        }
        return clone(env).orElse(new Invocation(launcher, launcherPath, "jbang", Optional.empty(), Optional.empty(),
                Optional.empty()));
    }

    /**
     * Run from a clone of this repository: JBang was started as {@code JBANG_LAUNCH_CMD} (JBang's
     * launcher scripts, and the repository's {@code ./jbang}, set it to how they were called), and
     * the repository's catalog lies beside that launcher. Published catalogs name themselves.
     */
    private static Optional<Invocation> clone(Environment env) {
        Optional<String> typed = nonBlank(env.variables().get("JBANG_LAUNCH_CMD")).filter(c -> c.contains("/"));
        Optional<Path> workingFolder = nonBlank(env.properties().getProperty("user.dir")).map(Path::of);
        if (typed.isEmpty() || workingFolder.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path launcher = workingFolder.get().resolve(typed.get()).normalize();
            Path catalog = launcher.resolveSibling(CATALOG_FILE);
            if (!Files.isRegularFile(catalog)) {
                return Optional.empty();
            }
            String named = catalog.startsWith(workingFolder.get()) ? workingFolder.get().relativize(catalog).toString()
                    : catalog.toString();
            return Optional.of(new Invocation(Optional.empty(), Optional.empty(), typed.get(), Optional.of(named),
                    Optional.of(List.of(launcher.toString(), catalog.toString())), Optional.of(catalog.getParent())));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** For a person to type: "acme login", "jbang login@acme", "./jbang login@jbang-catalog.json", or just "login" when we cannot tell. */
    public String command(String subcommand) {
        return launcher.map(n -> n + " " + subcommand)
                .or(() -> launcherPath.map(path -> quote(path) + " " + subcommand))
                .or(() -> catalog.map(c -> quote(jbang) + " " + quote(subcommand + "@" + c)))
                .orElse(subcommand);
    }

    /** The login command for {@code profile}: a hint that logs in to the profile the user is on. */
    public String loginCommand(String profile) {
        return command("login") + (profile.equals(SettingsResolver.DEFAULT_PROFILE) ? "" : " --profile " + profile);
    }

    /** The launcher as a person types it: "acme", "jbang jlogin@acme" (the catalog's alias), else "jlogin". */
    public String launcherCommand() {
        return launcher.or(() -> catalog.map(c -> quote(jbang) + " " + quote("jlogin@" + c))).orElse("jlogin");
    }

    /**
     * For a program to run through the shell from any folder (git's {@code !helper} lines, a
     * kubeconfig's exec entry): the launcher by its absolute path, else JBang with the catalog;
     * empty when neither is known.
     */
    public Optional<String> shellCommand(String subcommand) {
        return argv(subcommand).map(words -> String.join(" ", words.stream().map(Invocation::quote).toList()));
    }

    /** The same as {@link #shellCommand}, as a program and its arguments (for a kubeconfig's exec entry). */
    public Optional<List<String>> argv(String subcommand) {
        return launcherPath.map(path -> List.of(path, subcommand))
                .or(() -> absolute.map(jbangAndCatalog -> List.of(jbangAndCatalog.get(0), subcommand + "@" + jbangAndCatalog.get(1))));
    }

    /** One shell word: as is when plain, else in single quotes. */
    public static String quote(String word) {
        return PLAIN_WORD.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }
}
