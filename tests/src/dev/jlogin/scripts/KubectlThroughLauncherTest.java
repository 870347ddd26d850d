package dev.jlogin.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.store.TokenStore;
import dev.jlogin.testing.FullTier;
import dev.jlogin.testing.GitClient;
import dev.jlogin.testing.InstalledLauncher;
import dev.jlogin.testing.JBang;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * kubectl runs the installed launcher ({@code /path/jlogin kube-credential}), as it would for every
 * command of a working day. The launcher has no settings baked in, so setup-kube writes this test's
 * server into the kubeconfig entry from the environment, as it does for any JLOGIN_* variable.
 */
@FullTier
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

    /**
     * Here only: through the catalog this would repeat, more slowly, what ConcurrentTokenTest shows of
     * JBang processes; what kubectl adds (its exec plugin calls, in parallel) is the same through either door.
     */
    @Test
    void sixteenParallelKubectlsWithAnExpiredTokenMakeOneRefresh() {
        setupKube();
        storeToken(Instant.now().minusSeconds(1));

        List<JBang.Running> running = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            running.add(jbang.startShell("kubectl get --raw /api"));
        }
        List<JBang.Result> results = running.stream().map(JBang.Running::await).toList();

        assertThat(results).allSatisfy(KubectlTests::assertApiAnswered);
        assertThat(server.refreshes()).hasSize(1);
        assertThat(bearers()).hasSize(16).containsOnly(
                new TokenStore(home.resolve("jlogin"), Duration.ofSeconds(5)).read("default").orElseThrow().tokens().accessToken().reveal());
    }
}
