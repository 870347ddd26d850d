package dev.jlogin.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jlogin.store.TokenStore;
import dev.jlogin.testing.FakeAuthorizationServer;
import dev.jlogin.testing.FullTier;
import dev.jlogin.testing.GitClient;
import dev.jlogin.testing.GitHttpServer;
import dev.jlogin.testing.InstalledLauncher;
import dev.jlogin.testing.JBang;
import dev.jlogin.testing.Logins;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The integrations through the installed launcher, as git and scripts call them all day: exec,
 * and git's credential helper (one launcher for the run; the tests bring their own logins).
 */
@FullTier
class LauncherIntegrationsTest extends FakeServerScripts {
    private final Path launcher = InstalledLauncher.path();

    private String storeLogin(Instant expiresAt) {
        FakeAuthorizationServer.Minted minted = server.mint();
        new TokenStore(home.resolve("jlogin"), Duration.ofSeconds(5)).write("default",
                Logins.login(server.issuer(), minted.accessToken(), minted.refreshToken(), expiresAt));
        return minted.accessToken();
    }

    @Test
    void execPutsTheTokenInTheChildsEnvironmentOnly() throws Exception {
        String token = storeLogin(Instant.now().plusSeconds(300));

        JBang.Result result = jbang.shell("'" + launcher + "' exec -- sh -c 'printf %s \"$ACCESS_TOKEN\" | sha256sum; exit 7'");

        assertThat(result.exit()).isEqualTo(7);
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        assertThat(result.out()).isEqualTo(digest + "  -\n");
        assertThat(result.both()).doesNotContain(token);
    }

    /** A token for another API through the launcher: exchanged once, then kept (a second call sends nothing). */
    @Test
    void tokenForAnotherApiIsExchangedOnceAndKept() {
        server.offerTokenExchange();
        storeLogin(Instant.now().plusSeconds(300));

        JBang.Result first = jbang.shell("'" + launcher + "' token --audience orders-api");
        int requests = server.requests().size();
        JBang.Result again = jbang.shell("'" + launcher + "' token --audience orders-api");

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(server.targetOf(first.out().strip())).contains(java.util.Map.of("audience", "orders-api"));
        assertThat(again.out()).isEqualTo(first.out());
        assertThat(server.requests()).hasSize(requests);
        assertThat(server.exchanges()).hasSize(1);
    }

    /** The launcher runs the newest JDK here, which words a failed start differently from JDK 17. */
    @Test
    void execOfAMissingCommandIs127AndOfAFolder126() {
        storeLogin(Instant.now().plusSeconds(300));

        JBang.Result missing = jbang.shell("'" + launcher + "' exec -- no-such-command-here");
        JBang.Result folder = jbang.shell("'" + launcher + "' exec -- " + GitClient.quote(home.toString()));

        assertThat(missing.exit()).as(missing.err()).isEqualTo(127);
        assertThat(missing.err()).isEqualTo("exec: cannot run no-such-command-here: No such file or directory\n");
        assertThat(folder.exit()).as(folder.err()).isEqualTo(126);
        assertThat(folder.err()).isEqualTo("exec: cannot run " + home + ": Permission denied\n");
    }

    /** SIGQUIT makes a JVM print a thread dump; stdout carries the token, git's answer or the ExecCredential. */
    @Test
    void aThreadDumpNeverReachesStdout() throws Exception {
        storeLogin(Instant.now().plusSeconds(300));
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "exec", "--", "sh", "-c", "echo started >&2; read line; exit 0");
        builder.environment().putAll(env);
        builder.environment().put("JLOGIN_HOME", home.resolve("jlogin").toString());
        // the launcher execs java: this is the JVM's pid
        Process jvm = builder.start();
        StringBuffer err = new StringBuffer();
        CompletableFuture.runAsync(() -> {
            try {
                jvm.getErrorStream().transferTo(new java.io.OutputStream() {
                    @Override
                    public void write(int b) {
                        err.append((char) b);
                    }
                });
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        await().atMost(Duration.ofMinutes(1)).until(() -> err.toString().contains("started"));

        assertThat(new ProcessBuilder("kill", "-QUIT", Long.toString(jvm.pid())).start().waitFor()).isZero();
        await().atMost(Duration.ofMinutes(1)).until(() -> err.toString().contains("Full thread dump"));
        jvm.getOutputStream().close();

        assertThat(new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
        assertThat(jvm.waitFor()).isZero();
    }

    @Test
    void gitClonesWithTheLauncherAsItsHelperAndSixteenParallelCallsRefreshOnce() throws Exception {
        Path repos = Files.createDirectories(home.resolve("repos"));
        try (GitHttpServer gitServer = new GitHttpServer(repos, server::accepts)) {
            GitClient git = new GitClient(jbang, env, home);
            git.createRepository(repos, "repo.git");
            env.put("JLOGIN_GIT_HOSTS", gitServer.host());
            git.useHelper("http://" + gitServer.host(), GitClient.quote(launcher.toString()) + " git-credential");

            storeLogin(Instant.now().plusSeconds(300));
            JBang.Result clone = git.git(home, "clone -q " + gitServer.url("repo.git") + " work");
            assertThat(clone.exit()).as(clone.err()).isZero();
            assertThat(home.resolve("work/README")).hasContent("hello");
            assertThat(server.refreshes()).isEmpty();

            storeLogin(Instant.now().minusSeconds(1));
            List<JBang.Running> running = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                running.add(jbang.startShell("git ls-remote " + gitServer.url("repo.git")));
            }
            for (JBang.Running r : running) {
                JBang.Result result = r.await();
                assertThat(result.exit()).as(result.err()).isZero();
            }
            assertThat(server.refreshes()).hasSize(1);
        }
    }
}
