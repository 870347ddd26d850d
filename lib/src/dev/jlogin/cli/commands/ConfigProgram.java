package dev.jlogin.cli.commands;

import dev.jlogin.Subprocess;
import dev.jlogin.UserHome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * git or kubectl, as setup-git and setup-kube run them to write the user's configuration: in the
 * user's environment (HOME, GIT_CONFIG_GLOBAL or KUBECONFIG say which file), with HOME the home
 * jlogin uses, so that the configuration lands beside jlogin's files even when HOME is missing or
 * relative. Its stdout is discarded (the command says what it did); its stderr is the user's.
 */
public final class ConfigProgram {
    /** Long enough for git or kubectl to rewrite a large configuration, short enough not to hang a setup. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    private ConfigProgram() {
    }

    /** Why {@code what} (git config, kubectl) did not do its work; empty when it exited 0. */
    static Optional<String> problem(String what, Subprocess.Outcome outcome) {
        return Subprocess.problem(what, outcome, what + " could not be run", what + " did not finish in " + WAIT.toSeconds() + " s");
    }

    public static ProcessBuilder builder(List<String> command, Map<String, String> variables) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().clear();
        builder.environment().putAll(UserHome.ofThisMachine().programEnvironment(variables));
        return builder;
    }
}
