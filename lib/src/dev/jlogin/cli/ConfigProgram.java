package dev.jlogin.cli;

import dev.jlogin.UserHome;
import java.util.List;
import java.util.Map;

/**
 * git or kubectl, as setup-git and setup-kube run them to write the user's configuration: in the
 * user's environment (HOME, GIT_CONFIG_GLOBAL or KUBECONFIG say which file), with HOME the home
 * jlogin uses, so that the configuration lands beside jlogin's files even when HOME is missing or
 * relative. Its stdout is discarded (the command says what it did); its stderr is the user's.
 */
final class ConfigProgram {
    private ConfigProgram() {
    }

    static ProcessBuilder builder(List<String> command, Map<String, String> variables) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().clear();
        builder.environment().putAll(UserHome.ofThisMachine().programEnvironment(variables));
        return builder;
    }
}
