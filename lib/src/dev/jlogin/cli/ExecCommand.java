package dev.jlogin.cli;

import java.io.IOException;
import java.util.List;
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

    static final CommandSpec SPEC = CommandSpec.of("exec", "run a command with a valid access token in its environment")
            .usage("[options] -- CMD [ARGS...]")
            .about("Runs CMD with a valid access token in its environment, refreshing it first if it expires within"
                    + " --min-valid seconds. CMD uses this terminal (stdin, stdout, stderr), its exit status becomes"
                    + " ours (128+N when signal N ended it), and TERM, INT and HUP sent to exec are passed on to it."
                    + " The token is never on a command line nor in exec's output. Exit 127 (126) when CMD is not"
                    + " found (not executable).")
            .options(Option.value("env", "NAME", "the variable that holds the token (default " + DEFAULT_VARIABLE + ")"),
                    Options.MIN_VALID)
            .groups(Options.LOGIN, Options.NETWORK)
            .examples("-- ./deploy.sh staging",
                    "--env TF_HTTP_PASSWORD -- terraform plan")
            .takingCommand();

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
        List<String> command = ctx.args().command();
        if (command.isEmpty()) {
            throw Args.usage("exec needs a command to run after '--'");
        }
        String variable = ctx.args().value("env").orElse(DEFAULT_VARIABLE);
        if (!VARIABLE.matcher(variable).matches()) {
            throw Args.usage("--env takes a variable name (letters, digits and '_', not starting with a digit)");
        }
        String token = ctx.api().token(ctx.minValid()).value().reveal();

        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().clear();
        builder.environment().putAll(ctx.env().variables());
        builder.environment().put(variable, token);
        try (SignalForwarder forwarder = new SignalForwarder()) {
            Process child;
            try {
                child = builder.start();
            } catch (IOException e) {
                // the JDK reports the OS error as in: Cannot run program "x": error=2, No such file or directory
                String message = String.valueOf(e.getMessage());
                String reason = message.replaceFirst("^.*error=\\d+, ", "");
                ctx.say(name() + ": cannot run " + Terminal.sanitize(command.get(0)) + ": " + Terminal.sanitize(reason));
                return message.contains("error=2,") ? NOT_FOUND : NOT_EXECUTABLE;
            }
            forwarder.forwardTo(child.toHandle());
            return waitFor(child);
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
