package dev.jlogin.cli.launcher;

import dev.jlogin.Host;
import dev.jlogin.Version;
import dev.jlogin.cli.Cli;
import dev.jlogin.cli.Command;
import dev.jlogin.cli.CommandSpec;
import dev.jlogin.cli.ExitCode;
import dev.jlogin.cli.Invocation;
import dev.jlogin.cli.Nearest;
import dev.jlogin.cli.commands.AuditCommand;
import dev.jlogin.cli.commands.DoctorCommand;
import dev.jlogin.cli.commands.ExecCommand;
import dev.jlogin.cli.commands.GitCredentialCommand;
import dev.jlogin.cli.commands.KubeCredentialCommand;
import dev.jlogin.cli.commands.LoginCommand;
import dev.jlogin.cli.commands.RefreshCommand;
import dev.jlogin.cli.commands.RevokeCommand;
import dev.jlogin.cli.commands.SetupGitCommand;
import dev.jlogin.cli.commands.SetupKubeCommand;
import dev.jlogin.cli.commands.StatusCommand;
import dev.jlogin.cli.commands.TokenCommand;
import dev.jlogin.cli.commands.WhoamiCommand;
import dev.jlogin.cli.terminal.Environment;
import dev.jlogin.cli.terminal.Format;
import dev.jlogin.cli.terminal.Terminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The installed launcher's entry point: {@code acme token}, {@code acme login}, … like
 * {@code gh auth …}. One JVM runs the subcommand directly. Commands are built by name in a switch,
 * so a call loads only the command it runs.
 *
 * <p>The launcher script sets {@code jlogin.launcher} (the name users type) and {@code jlogin.app}
 * (the installed folder, read only by {@code --version}). The catalog's {@code jlogin} alias runs
 * the same entry point through JBang ({@code jbang jlogin@acme token}).
 */
public final class Launcher {
    private static final int SUMMARY_COLUMN = 18;
    /** The subcommands, in the order help lists them; each one's summary comes from its {@link CommandSpec}. */
    static final List<String> COMMANDS = List.of("login", "whoami", "token", "refresh", "revoke", "status", "exec",
            "git-credential", "setup-git", "kube-credential", "setup-kube", "doctor", "audit");

    private Launcher() {
    }

    public static void main(String[] argv) {
        int exit = run(argv, Environment.system());
        // success ends by returning (no thread of ours outlives a command): System.exit looks up a
        // logger on JDK 21+, which scans the class path's jars, about 5 ms of a 35 ms token call
        if (exit != ExitCode.OK.code()) {
            System.exit(exit);
        }
    }

    public static int run(String[] argv, Environment env) {
        if (argv.length == 0 || argv[0].equals("help") || argv[0].equals("--help") || argv[0].equals("-h")) {
            printHelp(name(env), env.out());
            return argv.length == 0 ? ExitCode.USAGE.code() : ExitCode.OK.code();
        }
        if (argv[0].equals("--version")) {
            printVersion(name(env), env);
            return ExitCode.OK.code();
        }
        Command command = command(argv[0]);
        if (command == null) {
            String name = name(env);
            env.err().println(name + ": unknown command '" + Terminal.sanitize(argv[0]) + "'"
                    + Nearest.to(argv[0], COMMANDS).map(n -> "; did you mean '" + n + "'?").orElse(";")
                    + " run '" + name + " help' for the list");
            return ExitCode.USAGE.code();
        }
        return Cli.run(command, Arrays.copyOfRange(argv, 1, argv.length), env);
    }

    /** How the user runs us, for help and errors only: a subcommand's call does not need it. */
    private static String name(Environment env) {
        return Invocation.of(env).launcherCommand();
    }

    static Command command(String name) {
        switch (name) {
            case "login":
                return new LoginCommand();
            case "whoami":
                return new WhoamiCommand();
            case "token":
                return new TokenCommand();
            case "refresh":
                return new RefreshCommand();
            case "revoke":
                return new RevokeCommand();
            case "status":
                return new StatusCommand();
            case "exec":
                return new ExecCommand();
            case "git-credential":
                return new GitCredentialCommand();
            case "setup-git":
                return new SetupGitCommand();
            case "kube-credential":
                return new KubeCredentialCommand();
            case "setup-kube":
                return new SetupKubeCommand();
            case "doctor":
                return new DoctorCommand();
            case "audit":
                return new AuditCommand();
            default:
                return null;
        }
    }

    private static void printHelp(String name, PrintStream out) {
        out.println("Usage: " + name + " COMMAND [options]");
        out.println("Log in with the OAuth 2.0 device flow and hand the tokens to programs.");
        out.println();
        out.println("Commands:");
        for (String command : COMMANDS) {
            row(out, command, command(command).spec().summary());
        }
        row(out, "help", "this list");
        row(out, "--version", "the jlogin version, where this launcher was installed from, and its Java");
        out.println();
        out.println("Run '" + name + " COMMAND --help' for a command's options and examples.");
    }

    /** "  name            summary", the summary wrapped in its own column. */
    private static void row(PrintStream out, String name, String summary) {
        List<String> lines = Format.wrap(summary, Format.WIDTH - SUMMARY_COLUMN);
        out.printf("  %-" + (SUMMARY_COLUMN - 3) + "s %s%n", name, lines.get(0));
        lines.subList(1, lines.size()).forEach(l -> out.println(" ".repeat(SUMMARY_COLUMN) + l));
    }

    /** What {@code install} wrote into the launcher's folder: version, source, JDK. */
    private static void printVersion(String name, Environment env) {
        PrintStream out = env.out();
        Properties installed = new Properties();
        String app = env.properties().getProperty("jlogin.app");
        if (app != null) {
            try (InputStream in = Files.newInputStream(Path.of(app, "install.properties"))) {
                installed.load(in);
            } catch (IOException e) {
                installed.setProperty("from", "unknown (" + e.getClass().getSimpleName() + " reading install.properties)");
            }
        }
        out.println(name + " (jlogin " + Version.VERSION + ")");
        out.println("installed from: " + Terminal.sanitize(installed.getProperty("from", "not installed")));
        if (installed.containsKey("installed_at")) {
            out.println("installed at:   " + Terminal.sanitize(installed.getProperty("installed_at")));
        }
        out.println("java:           " + Host.property("java.version", "") + " (" + Host.javaHome() + ")");
        if (installed.containsKey("startup_cache")) {
            out.println("startup cache:  " + Terminal.sanitize(installed.getProperty("startup_cache")));
        }
    }
}
