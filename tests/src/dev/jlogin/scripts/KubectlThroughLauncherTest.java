package dev.jlogin.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.store.TokenStore;
import dev.jlogin.testing.FullTier;
import dev.jlogin.testing.GitClient;
import dev.jlogin.testing.InstalledLauncher;
import dev.jlogin.testing.JBang;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    // Here only, as the next two are the same through either door: a refresh first, and kubectl's
    // own handling of a 401; the catalog's door shows what differs there (its hints, its login).

    @Test
    void anExpiredTokenIsRefreshedFirst() {
        setupKube();
        String expired = storeToken(Instant.now().minusSeconds(1)).tokens().accessToken().reveal();

        assertApiAnswered(kubectl("get --raw /api"));

        assertThat(server.refreshes()).hasSize(1);
        assertThat(bearers()).isNotEmpty().doesNotContain(expired)
                .allMatch(server::accepts);
    }

    @Test
    void aTokenRevokedAtTheServerIsRejected() throws Exception {
        setupKube();
        String token = storeToken(Instant.now().plusSeconds(600)).tokens().accessToken().reveal();
        HttpResponse<String> revoked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.issuer() + "/revoke"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("client_id=cli&token=" + token)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(revoked.statusCode()).isEqualTo(200);

        JBang.Result result = kubectl("get --raw /api");

        assertThat(result.exit()).isNotZero();
        assertThat(result.err()).containsIgnoringCase("unauthorized");
        assertThat(bearers()).isNotEmpty().containsOnly(token);
        assertThat(api.calls()).allSatisfy(call -> assertThat(call.status()).isEqualTo(401));
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
