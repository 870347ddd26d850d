package dev.jlogin.cli;

import dev.jlogin.Host;
import dev.jlogin.Version;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;

/**
 * The installed launcher's entry point: {@code acme token}, {@code acme login}, … like
 * {@code gh auth …}. One JVM runs the subcommand directly. Commands are built by name in a switch,
 * so a call loads only the command it runs.
 *
 * <p>The launcher script sets {@code jlogin.launcher} (the name users type) and {@code jlogin.app}
 * (the installed folder, read only by {@code --version}).
 */
public final class Launcher {
    /** Subcommands and their one-line descriptions, in the order help lists them. */
    static final String[][] COMMANDS = {
            {"login", "log in with the device flow and store the tokens"},
            {"whoami", "show who is logged in, where, and until when"},
            {"token", "print a valid access token into a pipe, refreshing it first if needed"},
            {"refresh", "refresh the access token now"},
            {"revoke", "log out: revoke the tokens at the server and delete them here"},
            {"status", "every profile: who, where, until when, and whether it works (--online asks the server)"},
            {"exec", "run a command with a valid access token in its environment (exec -- CMD ARGS...)"},
            {"git-credential", "git's credential helper for the organisation's git hosts"},
            {"setup-git", "configure git to use git-credential for those hosts"},
            {"kube-credential", "kubectl's exec credential plugin"},
            {"setup-kube", "write a kubeconfig user whose token comes from kube-credential"},
            {"doctor", "explain where tokens are kept and what is wrong with the store"},
    };

    private Launcher() {
    }

    public static void main(String[] argv) {
        System.exit(run(argv, Environment.system()));
    }

    static int run(String[] argv, Environment env) {
        String name = Invocation.of(env.properties()).launcher().orElse("jlogin");
        if (argv.length == 0 || argv[0].equals("help") || argv[0].equals("--help") || argv[0].equals("-h")) {
            printHelp(name, env.out());
            return argv.length == 0 ? ExitCode.USAGE.code() : ExitCode.OK.code();
        }
        if (argv[0].equals("--version")) {
            printVersion(name, env);
            return ExitCode.OK.code();
        }
        Command command = command(argv[0]);
        if (command == null) {
            env.err().println(name + ": unknown command '" + Terminal.sanitize(argv[0]) + "'; run '" + name
                    + " help' for the list");
            return ExitCode.USAGE.code();
        }
        return Cli.run(command, Arrays.copyOfRange(argv, 1, argv.length), env);
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
            default:
                return null;
        }
    }

    private static void printHelp(String name, PrintStream out) {
        out.println("Usage: " + name + " COMMAND [options]   (" + name + " COMMAND --help for its options)");
        out.println("Commands:");
        for (String[] command : COMMANDS) {
            out.printf("  %-15s %s%n", command[0], command[1]);
        }
        out.println("  --version       the jlogin version, where this launcher was installed from, and its Java");
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
