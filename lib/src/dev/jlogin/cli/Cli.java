package dev.jlogin.cli;

import dev.jlogin.JLoginException;
import dev.jlogin.cli.terminal.Environment;
import dev.jlogin.cli.terminal.Terminal;
import dev.jlogin.config.Setting;
import dev.jlogin.config.SettingSource;
import dev.jlogin.config.SettingsResolver;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs a {@link Command} as a script: every failure becomes one sanitised line on stderr and a
 * documented exit code, never a stack trace. With --json the failure is also a JSON object on
 * stdout, so wrappers can read it.
 */
public final class Cli {
    private Cli() {
    }

    /** Entry point for the scripts. */
    public static void main(Command command, String[] argv) {
        System.exit(run(command, argv, Environment.system()));
    }

    public static int run(Command command, String[] argv, Environment env) {
        boolean json = asksForJson(argv);
        Map<String, String> options = Map.of();
        try {
            Args args = command.spec().parse(argv);
            json = args.has("json");
            options = args.asMap();
            if (args.has("help")) {
                env.out().println(command.spec().help(Invocation.of(env)));
                return ExitCode.OK.code();
            }
            return command.exitStatus(new Context(args, env, command.spec()));
        } catch (JLoginException e) {
            int exit = fail(command.name(), env, json, ExitCode.of(e.kind()), withHint(e, options, env));
            if (asks(argv, "--verbose")) {
                details(e, env);
            }
            return exit;
        } catch (RuntimeException e) {
            // the message of an exception we did not anticipate could quote anything: leave it out
            StackTraceElement where = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            return fail(command.name(), env, json, ExitCode.UNEXPECTED, "unexpected error " + e.getClass().getName()
                    + (where == null ? "" : " at " + where) + "; please report it");
        }
    }

    /** A failure of {@code program} (a script using the library) as a command reports it: one line; its exit code. */
    static int fail(String program, JLoginException e, Environment env) {
        return fail(program, env, false, ExitCode.of(e.kind()), withHint(e, Map.of(), env));
    }

    /**
     * The message, and for a failure that a new login mends, the command for it. The profile is
     * the one in use wherever it was chosen (a flag, the environment kubectl or git ran us with, a
     * property), so the hint logs in to the same profile.
     */
    private static String withHint(JLoginException e, Map<String, String> options, Environment env) {
        if (e.kind() != JLoginException.Kind.LOGIN_REQUIRED && e.kind() != JLoginException.Kind.EXPIRED) {
            return e.getMessage();
        }
        String profile = new SettingSource(options, env.variables(), env.properties()).get(Setting.PROFILE)
                .orElse(SettingsResolver.DEFAULT_PROFILE);
        String login = Invocation.of(env).loginCommand(profile);
        return e.kind() == JLoginException.Kind.EXPIRED ? e.getMessage() + "; run " + login + " again"
                : e.getMessage() + "; log in with: " + login;
    }

    /**
     * A failure that ends one part of a command that goes on (one profile of {@code revoke --all}):
     * reported as {@link #run} reports a failure, with {@code context} added to its JSON object.
     */
    public static ExitCode failed(Context ctx, String program, JLoginException e, Map<String, String> context) {
        ExitCode code = ExitCode.of(e.kind());
        fail(program, ctx.env(), ctx.json(), code, withHint(e, context, ctx.env()), context);
        return code;
    }

    /** Whether {@code --json} was given, known even when the rest of the command line is wrong. */
    private static boolean asksForJson(String[] argv) {
        return asks(argv, "--json");
    }

    /** Whether {@code flag} was given before any {@code --}: what follows belongs to the command that exec runs. */
    private static boolean asks(String[] argv, String flag) {
        for (String arg : argv) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals(flag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * With {@code --verbose}, why the command failed, under its one line: the server's HTTP status and
     * OAuth error code, and the chain of causes (I/O errors, malformed answers), none of which holds a
     * secret: messages never quote a token, and what a server sent is sanitised.
     */
    private static void details(JLoginException e, Environment env) {
        e.httpStatus().ifPresent(status -> env.err().println("  HTTP status: " + status));
        e.oauthError().ifPresent(code -> env.err().println("  OAuth error: " + Terminal.sanitize(code)));
        int depth = 0;
        for (Throwable cause = e.getCause(); cause != null && depth < 5; cause = cause.getCause(), depth++) {
            env.err().println("  caused by: " + cause.getClass().getName()
                    + (cause.getMessage() == null ? "" : ": " + Terminal.sanitize(cause.getMessage())));
        }
    }

    private static int fail(String name, Environment env, boolean json, ExitCode code, String message) {
        return fail(name, env, json, code, message, Map.of());
    }

    private static int fail(String name, Environment env, boolean json, ExitCode code, String message,
                            Map<String, String> context) {
        String line = Terminal.sanitize(message == null ? "failed" : message);
        env.err().println(name + ": " + (context.containsKey("profile") ? "profile '" + context.get("profile") + "': " : "") + line);
        if (json) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("status", "error");
            error.put("exit_code", code.code());
            error.put("error", code.name().toLowerCase(java.util.Locale.ROOT));
            error.put("message", line);
            error.putAll(context);
            env.out().println(dev.jlogin.json.Json.write(error));
        }
        return code.code();
    }
}
