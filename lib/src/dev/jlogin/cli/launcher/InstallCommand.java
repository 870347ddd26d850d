package dev.jlogin.cli.launcher;

import dev.jlogin.Host;
import dev.jlogin.JLoginException;
import dev.jlogin.UserHome;
import dev.jlogin.Version;
import dev.jlogin.cli.Args;
import dev.jlogin.cli.Command;
import dev.jlogin.cli.CommandSpec;
import dev.jlogin.cli.Context;
import dev.jlogin.cli.ExitCode;
import dev.jlogin.cli.Invocation;
import dev.jlogin.cli.Option;
import dev.jlogin.cli.Options;
import dev.jlogin.cli.terminal.Terminal;
import dev.jlogin.config.Setting;
import dev.jlogin.install.Installer;
import dev.jlogin.install.JavaRuntime;
import dev.jlogin.install.JavaRuntimes;
import dev.jlogin.install.LibraryJars;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code install}: puts a launcher command on PATH ({@code acme token}, {@code acme login}, …) that
 * runs one JVM directly instead of JBang's two, with the catalog's settings baked in.
 */
public final class InstallCommand implements Command {
    /** Properties that describe the installation itself rather than a login setting. */
    private static final Set<String> NOT_BAKED = Set.of("jlogin.name", "jlogin.launcher", "jlogin.app");

    static final CommandSpec SPEC = CommandSpec.of("install", "install a launcher command (acme token, acme login, ...)"
                    + " that runs much faster than through JBang")
            .about("Installs a launcher command (default name: jlogin, or the catalog's jlogin.name) into a bin"
                    + " directory: 'NAME login', 'NAME token', 'NAME whoami', ... run in one JVM with a start-up"
                    + " cache, much faster than through JBang. The catalog's settings (jlogin.* properties) and any"
                    + " login options given here are baked in; flags and JLOGIN_* variables still override them."
                    + " Run it again to update; it replaces the launcher atomically.")
            .options(Option.of(Setting.NAME),
                    Option.value("bin-dir", "DIR", "where the command goes (default ~/.local/bin)"),
                    Option.value("java-home", "DIR", "the Java runtime to use (default: the newest one >= 17 on this"
                            + " machine)"),
                    Option.flag("uninstall", "remove the launcher and its files"),
                    Options.CA_FILE)
            .groups(Options.LOGIN, Options.REQUEST, Options.ENDPOINTS, Options.OUTPUT)
            .examples("", "--name acme --bin-dir ~/bin", "--uninstall");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public ExitCode run(Context ctx) {
        String name = ctx.source().get(Setting.NAME).orElse("jlogin");
        if (!Invocation.NAME.matcher(name).matches()) {
            throw Args.usage("--name must be letters, digits, '.', '_' or '-' (at most 64), starting with a letter or digit");
        }
        Map<String, String> vars = ctx.env().variables();
        Path binDir = ctx.args().value("bin-dir").map(Path::of).orElse(defaultBinDir(vars)).toAbsolutePath();
        Path dataDir = dataDir(vars).toAbsolutePath();

        if (ctx.args().has("uninstall")) {
            // where install put it, unless told: --uninstall need not be given the --bin-dir of the install
            Path launcher = ctx.args().has("bin-dir") ? Installer.launcherFile(binDir, name)
                    : Installer.recordedLauncher(dataDir, name).orElse(Installer.launcherFile(binDir, name));
            List<String> removed = new ArrayList<>(Installer.uninstall(name, launcher, dataDir).stream().map(Path::toString).toList());
            removed.addAll(LauncherEntries.remove(launcher, vars));
            if (ctx.json()) {
                ctx.printJson(Map.of("status", "uninstalled", "name", name, "removed", removed));
            } else {
                ctx.env().out().println(removed.isEmpty() ? "Nothing to remove: " + name + " is not installed (no "
                        + launcher + ")" : "Removed " + name + ": " + String.join(", ", removed));
            }
            return ExitCode.OK;
        }

        JavaRuntime runtime = runtime(ctx);
        Map<String, String> baked = bakedSettings(ctx);
        String reinstall = Invocation.of(ctx.env()).shellCommand("install")
                .orElse("jbang install@<the catalog it came from>");
        Installer.Installed installed = Installer.install(new Installer.Plan(name, binDir, dataDir, runtime,
                LibraryJars.locate(), baked, Launcher.class.getName(), LauncherTraining.training(), reinstall, vars));
        boolean onPath = onPath(vars, binDir);
        report(ctx, name, installed, baked, onPath);
        return ExitCode.OK;
    }

    private static JavaRuntime runtime(Context ctx) {
        Path current = Host.javaHome();
        if (ctx.args().has("java-home")) {
            Path home = Path.of(ctx.args().value("java-home").orElseThrow());
            JavaRuntime chosen = JavaRuntime.at(home).orElseThrow(() -> Args.usage("--java-home " + home
                    + " is not a Java runtime (no release file or bin/java)"));
            if (chosen.feature() < JavaRuntimes.MINIMUM) {
                throw Args.usage("--java-home " + home + " is Java " + chosen.version() + "; jlogin needs "
                        + JavaRuntimes.MINIMUM + " or newer");
            }
            return chosen;
        }
        return JavaRuntimes.newest(JavaRuntimes.onThisMachine(ctx.env().variables(), current))
                .orElseThrow(() -> new JLoginException(JLoginException.Kind.CONFIGURATION,
                        "no Java runtime of version " + JavaRuntimes.MINIMUM + " or newer found; pass --java-home DIR"));
    }

    /** The catalog's jlogin.* properties, then login options given to install itself (which win). */
    private static Map<String, String> bakedSettings(Context ctx) {
        Map<String, String> baked = new TreeMap<>();
        ctx.env().properties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("jlogin.") && !NOT_BAKED.contains(k))
                .forEach(k -> baked.put(k, ctx.env().properties().getProperty(k)));
        Options.settings().forEach(setting -> ctx.args().value(setting.key()).ifPresent(v -> baked.put(setting.property(), v)));
        return baked;
    }

    /** Where the launcher goes without --bin-dir: ~/.local/bin, or %LOCALAPPDATA%\jlogin\bin. */
    static Path defaultBinDir(Map<String, String> vars) {
        String localAppData = vars.get("LOCALAPPDATA");
        return File.separatorChar == '\\' && localAppData != null ? Path.of(localAppData, "jlogin", "bin")
                : UserHome.of(vars).resolve(".local").resolve("bin");
    }

    /** Where launchers keep their files: $XDG_DATA_HOME/jlogin, ~/.local/share/jlogin, or %LOCALAPPDATA%\jlogin. */
    static Path dataDir(Map<String, String> vars) {
        String localAppData = vars.get("LOCALAPPDATA");
        if (File.separatorChar == '\\' && localAppData != null) {
            return Path.of(localAppData, "jlogin");
        }
        String xdg = vars.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "jlogin") : UserHome.of(vars).resolve(".local").resolve("share").resolve("jlogin");
    }

    private static boolean onPath(Map<String, String> vars, Path binDir) {
        for (String entry : vars.getOrDefault("PATH", "").split(File.pathSeparator)) {
            try {
                if (!entry.isEmpty() && Files.isSameFile(Path.of(entry), binDir)) {
                    return true;
                }
            } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
                // an entry that does not exist cannot be the bin directory
            }
        }
        return false;
    }

    private static void report(Context ctx, String name, Installer.Installed installed, Map<String, String> baked,
                               boolean onPath) {
        String cache = installed.cache().map(c -> c.name() + " cache").orElse("no start-up cache");
        if (ctx.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("status", "installed");
            json.put("name", name);
            json.put("version", Version.VERSION);
            json.put("launcher", installed.launcher().toString());
            json.put("app", installed.app().toString());
            json.put("java_home", installed.runtime().home().toString());
            json.put("java_version", installed.runtime().version());
            json.put("startup_cache", installed.cache().map(Enum::name).orElse("none"));
            json.put("settings", baked);
            json.put("on_path", onPath);
            ctx.printJson(json);
            return;
        }
        var out = ctx.env().out();
        out.println("Installed " + name + " (jlogin " + Version.VERSION + ") as " + installed.launcher());
        out.println("  runs:     " + installed.runtime().java() + " (Java " + installed.runtime().version() + ") with " + cache);
        out.println("  files:    " + installed.app());
        if (!baked.isEmpty()) {
            out.println("  settings: " + Terminal.sanitize(String.join(", ",
                    baked.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())));
        }
        if (!installed.cacheNote().isEmpty()) {
            ctx.say("warning: " + Terminal.sanitize(installed.cacheNote()) + "; the launcher works, but starts slower");
        }
        out.println("Try: " + name + " login, then " + name + " token | …   (" + name + " help lists the commands)");
        if (!onPath) {
            ctx.say("note: " + installed.launcher().getParent() + " is not on your PATH; add it, e.g. in ~/.profile:"
                    + " export PATH=\"" + installed.launcher().getParent() + ":$PATH\"");
        }
    }
}
