package dev.jlogin.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.cli.CliHarness;
import dev.jlogin.cli.InProcessCommands;
import dev.jlogin.cli.Invocation;
import dev.jlogin.json.JsonObject;
import dev.jlogin.store.StoredLogin;
import dev.jlogin.store.TokenStore;
import dev.jlogin.testing.FakeAuthorizationServer;
import dev.jlogin.testing.FullTier;
import dev.jlogin.testing.TestBrowser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * kube-credential and setup-kube in-process: the ExecCredential on stdout and nothing else there,
 * refresh margins, and what happens when a login is needed, interactively or not.
 */
@FullTier
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
    void interactiveANeededLoginOpensTheBrowserWhereOneCanBeOpened() throws Exception {
        cli.env.put("KUBERNETES_EXEC_INFO", V1_INTERACTIVE);
        cli.server.offerBrowserLogin();
        TestBrowser browser = new TestBrowser();
        cli.browser = browser;

        CliHarness.Result result = cli.run(new KubeCredentialCommand());

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.err()).contains("kubectl needs a login").contains("A browser window was opened")
                .doesNotContain(FakeAuthorizationServer.USER_CODE);
        assertThat(browser.page().body()).contains("You are logged in");
        assertThat(cli.server.polls()).isEmpty();
        assertThat(cli.server.issuedSecrets()).allSatisfy(secret -> assertThat(result.err()).doesNotContain(secret));
        assertThat(status(result.out()).requireString("token")).isEqualTo(stored().tokens().accessToken().reveal());
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

    /** Kubeconfigs that need different commands to point a context at the new user; none names it yet. */
    enum Kubeconfig {
        CURRENT_CONTEXT(List.of("a"), List.of("a:a"), "a", 1),
        ONE_CONTEXT_NONE_CURRENT(List.of("a"), List.of("a:a"), null, 1),
        TWO_CONTEXTS_NONE_CURRENT(List.of("a", "b"), List.of("a:a", "b:b"), null, 2),
        ONLY_A_CLUSTER(List.of("a"), List.of(), null, 1),
        A_CURRENT_CONTEXT_THAT_IS_GONE(List.of("a"), List.of(), "gone", 1),
        TWO_CLUSTERS(List.of("a", "b"), List.of(), null, 2);

        final List<String> clusters;
        /** "name:cluster" */
        final List<String> contexts;
        final String current;
        /** How many commands it should print, one per choice. */
        final int choices;

        Kubeconfig(List<String> clusters, List<String> contexts, String current, int choices) {
            this.clusters = clusters;
            this.contexts = contexts;
            this.current = current;
            this.choices = choices;
        }

        String yaml() {
            StringBuilder out = new StringBuilder("apiVersion: v1\nkind: Config\nusers: []\nclusters:\n");
            clusters.forEach(c -> out.append("- name: ").append(c).append("\n  cluster:\n    server: https://127.0.0.1:9\n"));
            out.append(contexts.isEmpty() ? "contexts: []\n" : "contexts:\n");
            contexts.forEach(c -> out.append("- name: ").append(c.split(":")[0]).append("\n  context:\n    cluster: ")
                    .append(c.split(":")[1]).append("\n    user: someone-else\n"));
            return current == null ? out.toString() : out.append("current-context: ").append(current).append('\n').toString();
        }
    }

    @ParameterizedTest
    @EnumSource(Kubeconfig.class)
    void setupKubeEndsWithCommandsThatKubectlRunsToPointACurrentContextAtTheUser(Kubeconfig state) throws Exception {
        cli.properties.setProperty("jlogin.catalog", "acme");
        Path kubeconfig = home.resolve("kube config");
        Files.writeString(kubeconfig, state.yaml());

        CliHarness.Result result = cli.run(new SetupKubeCommand(), "--kubeconfig", kubeconfig.toString());

        assertThat(result.exit()).as(result.err()).isZero();
        List<String> printed = result.out().lines().filter(l -> l.startsWith("  ")).map(String::strip).toList();
        assertThat(printed).as(result.out()).hasSize(state.choices).allSatisfy(line -> assertThat(line).startsWith("kubectl "));
        String written = Files.readString(kubeconfig);
        for (String command : printed) {
            Files.writeString(kubeconfig, written);
            assertThat(shell(command).exit()).as(command).isZero();
            // --minify keeps the current context only, and fails without one
            Shell current = shell("kubectl config view --minify -o jsonpath='{.contexts[0].context.user} {.contexts[0].context.cluster}'"
                    + " --kubeconfig " + Invocation.quote(kubeconfig.toString()));
            assertThat(current.exit()).as(command + ": " + current.out()).isZero();
            assertThat(current.out()).as(command).matches("jlogin (a|b)");
        }
    }

    @Test
    void setupKubeUsesTheKubeconfigKubectlDoesAndWithoutAClusterSaysToRunItAgain() throws Exception {
        cli.properties.setProperty("jlogin.catalog", "acme");
        Path kubeconfig = home.resolve("from-environment");
        Files.writeString(kubeconfig, Kubeconfig.ONE_CONTEXT_NONE_CURRENT.yaml());
        cli.env.put("KUBECONFIG", kubeconfig.toString());

        CliHarness.Result result = cli.run(new SetupKubeCommand());

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).endsWith("\n  kubectl config set-context a --user jlogin && kubectl config use-context a\n");
        assertThat(shell(result.out().lines().reduce((first, last) -> last).orElseThrow()).exit()).isZero();
        assertThat(cli.run(new SetupKubeCommand()).out()).endsWith("\nThe current context ('a') uses it already.\n");

        Files.writeString(kubeconfig, "apiVersion: v1\nkind: Config\n");
        CliHarness.Result empty = cli.run(new SetupKubeCommand());

        assertThat(empty.exit()).as(empty.err()).isZero();
        assertThat(empty.out()).contains("no cluster yet").contains("run jbang setup-kube@acme again").doesNotContain("  kubectl");
    }

    private record Shell(int exit, String out) {
    }

    /** A command line as a user pastes it into a shell, with this test's environment. */
    private Shell shell(String commandLine) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", commandLine).redirectErrorStream(true);
        builder.environment().putAll(cli.env);
        builder.environment().put("HOME", home.toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return new Shell(process.waitFor(), out);
    }

    @Test
    void setupKubeWithoutLauncherOrCatalogNameIsAUsageError() {
        CliHarness.Result result = cli.run(new SetupKubeCommand(), "--dry-run");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("jlogin.catalog");
    }
}
