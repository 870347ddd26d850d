package dev.jlogin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.json.JsonObject;
import dev.jlogin.store.StoredLogin;
import dev.jlogin.store.TokenStore;
import dev.jlogin.testing.FakeAuthorizationServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * kube-credential and setup-kube in-process: the ExecCredential on stdout and nothing else there,
 * refresh margins, and what happens when a login is needed, interactively or not.
 */
class KubeCommandsTest extends InProcessCommands {
    private static final String V1_REQUEST = "{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1\","
            + "\"spec\":{\"interactive\":false}}";
    private static final String V1_INTERACTIVE = V1_REQUEST.replace("false", "true");

    @BeforeEach
    void configure() {
        cli.env.put("KUBERNETES_EXEC_INFO", V1_REQUEST);
    }

    private StoredLogin stored() {
        return new TokenStore(home, Duration.ofSeconds(1)).read("default").orElseThrow();
    }

    private static JsonObject status(String stdout) throws Exception {
        assertThat(stdout.lines()).hasSize(1);
        JsonObject json = JsonObject.parse(stdout);
        assertThat(json.requireString("kind")).isEqualTo("ExecCredential");
        return json.object("status").orElseThrow();
    }

    @Test
    void aValidTokenIsAnsweredWithoutRefreshAndKubectlIsToldToAskAgainBeforeItExpires() throws Exception {
        cli.login();
        StoredLogin login = stored();

        CliHarness.Result result = cli.run(new KubeCredentialCommand());

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        JsonObject status = status(result.out());
        assertThat(JsonObject.parse(result.out()).requireString("apiVersion")).isEqualTo("client.authentication.k8s.io/v1");
        assertThat(status.requireString("token")).isEqualTo(login.tokens().accessToken().reveal());
        Instant askAgain = Instant.parse(status.requireString("expirationTimestamp"));
        Instant expiry = login.tokens().expiresAt().orElseThrow();
        assertThat(askAgain).isBefore(expiry).isAfter(cli.clock.instant());
        assertThat(cli.server.refreshes()).isEmpty();
    }

    @Test
    void whenKubectlWouldAskAgainTheTokenIsRefreshed() throws Exception {
        cli.login();
        String first = status(cli.run(new KubeCredentialCommand()).out()).requireString("expirationTimestamp");
        cli.clock.advance(Duration.between(cli.clock.instant(), Instant.parse(first)));

        CliHarness.Result again = cli.run(new KubeCredentialCommand());

        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(cli.server.refreshes()).hasSize(1);
        assertThat(status(again.out()).requireString("token")).isEqualTo(stored().tokens().accessToken().reveal());
    }

    @Test
    void v1beta1IsAnsweredInV1beta1() throws Exception {
        cli.login();
        cli.env.put("KUBERNETES_EXEC_INFO", "{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1beta1\"}");

        CliHarness.Result result = cli.run(new KubeCredentialCommand());

        assertThat(JsonObject.parse(result.out()).requireString("apiVersion")).isEqualTo("client.authentication.k8s.io/v1beta1");
    }

    @Test
    void aPersonAtATerminalIsNotShownTheToken() {
        cli.login();
        cli.terminal = true;

        CliHarness.Result result = cli.run(new KubeCredentialCommand());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("kube-credential: refusing to print a token to a terminal").hasLineCount(1);
        assertNoSecretIn(result);
    }

    @Test
    void withoutKubernetesExecInfoItIsAUsageError() {
        cli.env.remove("KUBERNETES_EXEC_INFO");

        CliHarness.Result result = cli.run(new KubeCredentialCommand());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("kube-credential: KUBERNETES_EXEC_INFO is not set").hasLineCount(1);
    }

    @Test
    void notInteractiveANeededLoginExits3NamingTheLauncherCommand() {
        cli.properties.setProperty("jlogin.launcher-path", "/opt/acme/bin/acme");
        cli.env.put("JLOGIN_PROFILE", "work");

        CliHarness.Result result = cli.run(new KubeCredentialCommand());

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).endsWith("; log in with: /opt/acme/bin/acme login --profile work\n").hasLineCount(1);
        assertThat(cli.server.requests("/issuer/device")).isEmpty();
    }

    @Test
    void notInteractiveANeededLoginNamesTheCatalogCommand() {
        cli.properties.setProperty("jlogin.catalog", "acme");

        CliHarness.Result result = cli.run(new KubeCredentialCommand());

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.err()).endsWith("; log in with: jbang login@acme\n");
    }

    @Test
    void interactiveANeededLoginRunsTheDeviceFlowWithThePromptOnStderr() throws Exception {
        cli.env.put("KUBERNETES_EXEC_INFO", V1_INTERACTIVE);
        cli.onWait = cli.server::approve;

        CliHarness.Result result = cli.run(new KubeCredentialCommand());

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.err()).contains("kubectl needs a login").contains(FakeAuthorizationServer.USER_CODE);
        assertThat(cli.server.issuedSecrets()).allSatisfy(secret -> assertThat(result.err()).doesNotContain(secret));
        assertThat(status(result.out()).requireString("token")).isEqualTo(stored().tokens().accessToken().reveal());
        assertThat(cli.server.accepts(stored().tokens().accessToken().reveal())).isTrue();
    }

    @Test
    void interactiveARejectedRefreshTokenLogsInAgain() throws Exception {
        cli.login();
        cli.clock.advance(Duration.ofSeconds(600));
        cli.server.enqueueTokenReplies(FakeAuthorizationServer.Reply.error(400, "invalid_grant"));
        cli.env.put("KUBERNETES_EXEC_INFO", V1_INTERACTIVE);
        cli.onWait = cli.server::approve;

        CliHarness.Result result = cli.run(new KubeCredentialCommand());

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.err()).contains("refresh rejected").contains(FakeAuthorizationServer.USER_CODE);
        assertThat(status(result.out()).requireString("token")).isEqualTo(stored().tokens().accessToken().reveal());
    }

    @Test
    void setupKubeDryRunPrintsTheExecEntryWithTheCarriedSettings() {
        cli.properties.setProperty("jlogin.launcher-path", "/opt/acme/bin/acme");
        cli.properties.setProperty("jlogin.launcher", "acme");
        cli.properties.setProperty("jlogin.scope", "openid");
        cli.env.put("JLOGIN_PROFILE", "work");

        CliHarness.Result result = cli.run(new SetupKubeCommand(), "--dry-run", "--audience", "k8s");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo(String.join("\n",
                "users:",
                "- name: \"acme-work\"",
                "  user:",
                "    exec:",
                "      apiVersion: \"client.authentication.k8s.io/v1\"",
                "      command: \"/opt/acme/bin/acme\"",
                "      args: [\"kube-credential\",\"--audience\",\"k8s\",\"--client-id\",\"cli\",\"--issuer\",\""
                        + cli.server.issuer() + "\",\"--profile\",\"work\"]",
                "      env:",
                "      - name: \"JLOGIN_HOME\"",
                "        value: \"" + home + "\"",
                "      interactiveMode: IfAvailable",
                ""));
    }

    @Test
    void setupKubeHasKubectlWriteEachSettingAsOneArgumentEvenWithCommasAndQuotes() throws Exception {
        cli.properties.setProperty("jlogin.catalog", "acme");
        Path kubeconfig = home.resolve("kubeconfig");

        CliHarness.Result result = cli.run(new SetupKubeCommand(), "--kubeconfig", kubeconfig.toString(),
                "--param", "resource=a,b", "--scope", "openid \"quoted\"");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("Wrote kubeconfig user 'jlogin': kubectl now runs jbang kube-credential@acme");
        Process view = new ProcessBuilder("kubectl", "config", "view", "--kubeconfig", kubeconfig.toString(), "-o",
                "jsonpath={.users[0].user.exec}").redirectErrorStream(true).start();
        JsonObject exec = JsonObject.parse(new String(view.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(view.waitFor()).isZero();
        assertThat(exec.asMap()).containsEntry("command", "jbang").containsEntry("interactiveMode", "IfAvailable")
                .containsEntry("apiVersion", "client.authentication.k8s.io/v1")
                .containsEntry("args", java.util.List.of("kube-credential@acme", "--client-id", "cli", "--issuer", cli.server.issuer(),
                        "--param", "resource=a,b", "--scope", "openid \"quoted\""));
    }

    @Test
    void setupKubeWithoutLauncherOrCatalogNameIsAUsageError() {
        CliHarness.Result result = cli.run(new SetupKubeCommand(), "--dry-run");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("jlogin.catalog");
    }
}
