package dev.jlogin.cli;

import dev.jlogin.JLoginException;
import dev.jlogin.cli.terminal.Environment;
import java.util.concurrent.Callable;

/**
 * Runs the steps of a runbook or notebook the way the jlogin commands end: a {@link JLoginException}
 * stops the program with one line on stderr (naming the login command when a login is what is
 * missing) and the commands' exit code, never a stack trace. Any other exception is the script's
 * own and goes on up as usual.
 *
 * <pre>{@code
 * Steps.of("my_task").run(() -> { ... });      // a runbook's main
 * var step = Steps.of("notes");                 // a notebook: each step that may fail
 * var who = step.run(() -> jl.whoami());
 * }</pre>
 */
public final class Steps {
    /** A step with no result; like {@link Callable}, it may throw what the script's own code throws. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    private final String name;

    private Steps(String name) {
        this.name = name;
    }

    /** Steps of the program called {@code name}, the word its failure line starts with. */
    public static Steps of(String name) {
        return new Steps(name);
    }

    public void run(Step step) throws Exception {
        run(() -> {
            step.run();
            return null;
        });
    }

    /** The step's result; a failure of jlogin's ends the program (JShell included) with its exit code. */
    public <T> T run(Callable<T> step) throws Exception {
        try {
            return step.call();
        } catch (JLoginException e) {
            System.exit(Cli.fail(name, e, Environment.system()));
            throw e; // System.exit does not return
        }
    }
}
