package dev.jlogin.scripts;

import dev.jlogin.testing.GitClient;
import dev.jlogin.testing.InstalledLauncher;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;

/**
 * kubectl runs the installed launcher ({@code /path/jlogin kube-credential}), as it would for every
 * command of a working day. The launcher has no settings baked in, so setup-kube writes this test's
 * server into the kubeconfig entry from the environment, as it does for any JLOGIN_* variable.
 */
class KubectlThroughLauncherTest extends KubectlTests {
    private final Path launcher = InstalledLauncher.path();

    @BeforeEach
    void configureThroughTheEnvironment() {
        env.put("JLOGIN_ISSUER", server.issuer());
        env.put("JLOGIN_CLIENT_ID", "cli");
    }

    @Override
    String jlogin(String subcommand) {
        return GitClient.quote(launcher.toString()) + " " + subcommand;
    }

    @Override
    String loginCommand() {
        return "jlogin login";
    }
}
