package dev.jlogin.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jlogin.store.StoredLogin;
import dev.jlogin.store.TokenStore;
import dev.jlogin.testing.FakeAuthorizationServer;
import dev.jlogin.testing.JBang;
import dev.jlogin.testing.Kubectl;
import dev.jlogin.testing.Logins;
import dev.jlogin.testing.StubKubeApiServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real kubectl runs kube-credential, as written into an isolated kubeconfig by setup-kube,
 * against a stub API server that accepts only tokens the fake IdP considers live. Subclasses say
 * how jlogin is installed (through a catalog, through the installed launcher).
 */
abstract class KubectlTests extends FakeServerScripts {
    static final String USER = "acme";
    StubKubeApiServer api;
    Path kubeconfig;

    /** The command line a user types to run jlogin's {@code subcommand}, as it runs on this test's PATH. */
    abstract String jlogin(String subcommand);

    /** What the user is told to type to log in. */
    String loginCommand() {
        return jlogin("login");
    }

    @BeforeEach
    void startApiServer() {
        env.remove("JLOGIN_ISSUER");
        env.remove("JLOGIN_CLIENT_ID");
        kubeconfig = Kubectl.isolate(home, env);
        api = new StubKubeApiServer(home, server::accepts);
        // a context of its own, current: the command setup-kube prints points it at our user
        api.kubeconfig(kubeconfig, "before-setup-kube");
    }

    @AfterEach
    void stopApiServer() {
        api.close();
        Kubectl.release(home);
    }

    /** setup-kube as a user runs it, then the one kubectl command it printed; then kubectl's current context uses our plugin. */
    void setupKube() {
        JBang.Result setup = jbang.shell(jlogin("setup-kube") + " --user " + USER + " --no-browser --kubeconfig " + kubeconfig);
        assertThat(setup.exit()).as(setup.err()).isZero();
        assertThat(setup.out()).contains("Wrote kubeconfig user '" + USER + "'");
        List<String> printed = setup.out().lines().filter(line -> line.startsWith("  kubectl ")).toList();
        assertThat(printed).as(setup.out()).hasSize(1);
        JBang.Result pointed = jbang.shell(printed.get(0).strip());
        assertThat(pointed.exit()).as(printed.get(0) + ": " + pointed.err()).isZero();
    }

    StoredLogin storeToken(Instant expiresAt) {
        FakeAuthorizationServer.Minted minted = server.mint();
        StoredLogin login = Logins.login(server.issuer(), minted.accessToken(), minted.refreshToken(), expiresAt);
        new TokenStore(home.resolve("jlogin"), Duration.ofSeconds(5)).write("default", login);
        return login;
    }

    JBang.Result kubectl(String args) {
        return jbang.shell("kubectl " + args);
    }

    /**
     * The bearer tokens the API server was shown. kubectl also makes some requests without one
     * (a /version probe when the plugin gave no credential), which are not ours to judge.
     */
    List<String> bearers() {
        return api.calls().stream().map(StubKubeApiServer.Call::bearer).filter(java.util.Objects::nonNull).toList();
    }

    static void assertApiAnswered(JBang.Result result) {
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("\"kind\":\"APIVersions\"");
    }

    @Test
    void kubectlGetsAValidTokenInV1AndInV1beta1() {
        setupKube();
        String token = storeToken(Instant.now().plusSeconds(600)).tokens().accessToken().reveal();

        // kubectl refuses an answer whose apiVersion is not its entry's, and ours repeats the one in
        // KUBERNETES_EXEC_INFO: each success shows kubectl asked in that version and got it back
        assertApiAnswered(kubectl("get --raw /api"));
        kubectl("config set-credentials " + USER + " --exec-api-version=client.authentication.k8s.io/v1beta1");
        assertThat(kubectl("config view -o jsonpath={.users[0].user.exec.apiVersion}").out().strip())
                .isEqualTo("client.authentication.k8s.io/v1beta1");
        assertApiAnswered(kubectl("get --raw /api"));

        assertThat(bearers()).containsOnly(token);
        assertThat(server.refreshes()).isEmpty();
    }

    @Test
    void notInteractiveANeededLoginFailsWithOurMessageNamingTheLoginCommand() {
        setupKube();

        JBang.Result result = kubectl("get --raw /api");

        assertThat(result.exit()).isNotZero();
        assertThat(result.err()).contains("kube-credential: not logged in (profile 'default'); log in with: " + loginCommand());
        assertThat(result.out()).isEmpty();
        assertThat(server.requests("/issuer/device")).isEmpty();
        assertThat(bearers()).isEmpty();
    }

    @Test
    void onATerminalKubectlLetsUsLogInAndThenGetsTheToken() {
        setupKube();

        // script(1) gives kubectl a pseudo-terminal as stdin, so it runs the plugin interactively
        JBang.Running running = jbang.startShell("script -qec 'kubectl get --raw /api' /dev/null");
        await().atMost(Duration.ofMinutes(3)).until(() -> !server.requests("/issuer/device").isEmpty()
                || !running.process().isAlive());
        server.approve();
        JBang.Result result = running.await();

        assertThat(result.exit()).as(result.out()).isZero();
        assertThat(result.out()).contains("kubectl needs a login").contains(FakeAuthorizationServer.USER_CODE)
                .contains("\"kind\":\"APIVersions\"");
        String token = new TokenStore(home.resolve("jlogin"), Duration.ofSeconds(5)).read("default").orElseThrow()
                .tokens().accessToken().reveal();
        assertThat(bearers()).containsOnly(token);
        for (String secret : server.issuedSecrets()) {
            assertThat(result.out()).doesNotContain(secret);
        }
    }
}
