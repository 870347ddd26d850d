package dev.jlogin.cli.commands;

import dev.jlogin.JLoginException;
import dev.jlogin.cli.Args;
import dev.jlogin.cli.Command;
import dev.jlogin.cli.CommandSpec;
import dev.jlogin.cli.Context;
import dev.jlogin.cli.ExitCode;
import dev.jlogin.cli.Invocation;
import dev.jlogin.cli.Option;
import dev.jlogin.cli.Options;
import dev.jlogin.cli.terminal.SignalForwarder;
import dev.jlogin.cli.terminal.Terminal;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code exec -- CMD ARGS...}: runs CMD with a valid access token in one environment variable,
 * for programs that read their credentials from the environment. The token is never on a
 * command line (the child's environment is handed to the OS, not to a shell) and never in our
 * output; CMD gets our stdin, stdout and stderr, and its exit status becomes ours.
 */
public final class ExecCommand implements Command {
    static final String DEFAULT_VARIABLE = "ACCESS_TOKEN";
    /** As shells do: 127 when the command is not found, 126 when it is found but cannot be run. */
    static final int NOT_FOUND = 127;
    static final int NOT_EXECUTABLE = 126;
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /**
     * Variables whose value some program runs or loads as code, or that decide which programs
     * run: the dynamic loader's, shells' start-up and prompt hooks, runtimes' option variables and
     * tools' command hooks. A token there is run, loaded or printed in an error (with LD_PRELOAD
     * the loader prints it on stderr), and PATH would break the child.
     */
    private static final Set<String> REFUSED = Set.of("PATH", "IFS", "ENV", "BASH_ENV", "ZDOTDIR", "SHELLOPTS",
            "BASHOPTS", "PS4", "PROMPT_COMMAND", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "NODE_OPTIONS",
            "PYTHONSTARTUP", "PYTHONPATH", "PYTHONHOME", "PERL5OPT", "PERL5LIB", "PERLLIB", "RUBYOPT", "RUBYLIB",
            "GIT_SSH_COMMAND", "GIT_SSH", "GIT_ASKPASS", "SSH_ASKPASS", "GIT_EXEC_PATH", "GIT_PROXY_COMMAND", "GIT_EDITOR",
            "EDITOR", "VISUAL", "PAGER", "GIT_PAGER", "BROWSER", "LESSOPEN", "LESSCLOSE");
    private static final List<String> REFUSED_PREFIXES = List.of("LD_", "DYLD_");
    /**
     * The OS error in the JDK's message for a program that could not be started: "error=2, No such
     * file or directory" up to JDK 21, "Exec failed, error: 2 (No such file or directory)" from 22.
     */
    private static final Pattern OS_ERROR = Pattern.compile("error(?:=|: )(\\d+)(?:, | \\()([^)]*)");
    private static final String ENOENT = "2";

    static final CommandSpec SPEC = CommandSpec.of("exec", "run a command with a valid access token in its environment")
            .usage("[options] -- CMD [ARGS...]")
            .about("Runs CMD with a valid access token in its environment, refreshing it first if it expires within"
                    + " --min-valid seconds. CMD uses this terminal (stdin, stdout, stderr), its exit status becomes"
                    + " ours (128+N when signal N ended it), and TERM, INT and HUP sent to exec are passed on to it."
                    + " The token is never on a command line nor in exec's output. Exit 127 (126) when CMD is not"
                    + " found (not executable).")
            .options(Option.value("env", "NAME", "the variable that holds the token (default " + DEFAULT_VARIABLE + "; not one"
                            + " that the loader, shells or tools run code from, such as LD_PRELOAD, BASH_ENV or"
                            + " GIT_SSH_COMMAND)"),
                    Options.MIN_VALID)
            .groups(Options.TARGET, Options.LOGIN, Options.NETWORK)
            .examples("-- ./deploy.sh staging",
                    "--env TF_HTTP_PASSWORD -- terraform plan")
            .takingCommand()
            .exits("CMD's own once it runs (127: not found, 126: cannot be run); before that",
                    ExitCode.LOGIN_REQUIRED, ExitCode.SERVER, ExitCode.STORE);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public ExitCode run(Context context) {
        throw new UnsupportedOperationException("exec ends with its child's status: see exitStatus");
    }

    @Override
    public int exitStatus(Context ctx) {
        ctx.args().withSeparator().ifPresent(line -> {
            throw endingWithCommand("the command to run goes after '--': ", ctx, line);
        });
        List<String> command = ctx.args().command();
        if (command.isEmpty()) {
            throw endingWithCommand("exec needs a command to run after '--', such as: ", ctx, List.of("--", "env"));
        }
        String variable = ctx.args().value("env").orElse(DEFAULT_VARIABLE);
        if (!VARIABLE.matcher(variable).matches()) {
            throw Args.usage("--env takes a variable name (letters, digits and '_', not starting with a digit)");
        }
        if (REFUSED.contains(variable) || REFUSED_PREFIXES.stream().anyMatch(variable::startsWith)) {
            throw Args.usage("--env " + variable + " is refused: the loader, shells or tools run or load what that"
                    + " variable holds, so the token could be run or printed; choose another name (default "
                    + DEFAULT_VARIABLE + ")");
        }
        String token = ctx.token().value().reveal();

        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().clear();
        builder.environment().putAll(ctx.env().variables());
        builder.environment().put(variable, token);
        try (SignalForwarder forwarder = new SignalForwarder()) {
            Process child;
            try {
                child = builder.start();
            } catch (IOException e) {
                StartFailure failure = StartFailure.of(String.valueOf(e.getMessage()));
                ctx.say(name() + ": cannot run " + Terminal.sanitize(command.get(0)) + ": " + Terminal.sanitize(failure.reason()));
                return failure.status();
            }
            forwarder.forwardTo(child.toHandle());
            return waitFor(child);
        }
    }

    /** A usage error whose last words are an exec command line that works, so that it can be pasted as it is. */
    private JLoginException endingWithCommand(String message, Context ctx, List<String> args) {
        return new JLoginException(JLoginException.Kind.CONFIGURATION, message + Invocation.of(ctx.env()).command(name())
                + " " + String.join(" ", args.stream().map(Invocation::quote).toList()));
    }

    /** Why the child could not be started, as the JDK said, and the shell's status for it. */
    record StartFailure(int status, String reason) {
        static StartFailure of(String jdkMessage) {
            Matcher error = OS_ERROR.matcher(jdkMessage);
            if (!error.find()) {
                return new StartFailure(NOT_EXECUTABLE, jdkMessage);
            }
            return new StartFailure(error.group(1).equals(ENOENT) ? NOT_FOUND : NOT_EXECUTABLE, error.group(2).strip());
        }
    }

    private static int waitFor(Process child) {
        try {
            return child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroy();
            return ExitCode.UNEXPECTED.code();
        }
    }
}
