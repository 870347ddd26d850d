package dev.jlogin.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.store.StoredLogin;
import dev.jlogin.store.TokenStore;
import dev.jlogin.testing.FakeAuthorizationServer;
import dev.jlogin.testing.FullTier;
import dev.jlogin.testing.GitClient;
import dev.jlogin.testing.JBang;
import dev.jlogin.testing.Logins;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * exec through the catalog: the child sees the token in its environment and nothing else sees it
 * (no process's command line, no output), its exit status and the signals sent to exec pass
 * through, and a login that is needed stops exec before the child starts.
 */
@FullTier
public class ExecScriptTest extends FakeServerScripts {
    /** How jlogin's exec is invoked from a shell: the one thing a launcher variant changes. */
    static final String EXEC = "\"$JBANG\" " + alias("exec");

    private StoredLogin login;

    @BeforeEach
    void storeLogin() {
        FakeAuthorizationServer.Minted minted = server.mint();
        login = Logins.login(server.issuer(), minted.accessToken(), minted.refreshToken(), Instant.now().plusSeconds(300));
        new TokenStore(home.resolve("jlogin"), Duration.ofSeconds(5)).write("default", login);
    }

    private String token() {
        return login.tokens().accessToken().reveal();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The child prints a digest of the variable: the token itself on the child's command line would defeat the test. */
    @Test
    void theChildSeesTheTokenInItsVariableAndExecPrintsNothingElse() throws Exception {
        JBang.Result result = jbang.shell(EXEC + " -- sh -c 'printf %s \"$ACCESS_TOKEN\" | sha256sum'");
        JBang.Result named = jbang.shell(EXEC + " --env API_TOKEN -- sh -c 'printf %s \"$API_TOKEN\" | sha256sum; echo \"[${ACCESS_TOKEN-unset}]\"'");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo(sha256(token()) + "  -\n");
        assertThat(named.exit()).as(named.err()).isZero();
        assertThat(named.out()).isEqualTo(sha256(token()) + "  -\n[unset]\n");
        assertThat(result.both() + named.both()).doesNotContain(token());
        assertThat(server.refreshes()).isEmpty();
    }

    @Test
    void stdinAndTheExitStatusPassThrough() {
        JBang.Result piped = jbang.shell("echo through | " + EXEC + " -- sh -c 'cat; exit 42'");

        assertThat(piped.exit()).isEqualTo(42);
        assertThat(piped.out()).isEqualTo("through\n");
        assertThat(piped.err()).isEmpty();
    }

    @Test
    void noProcessHasTheTokenOnItsCommandLineWhileTheChildRuns() throws Exception {
        Path fifo = home.resolve("release");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        JBang.Running running = jbang.start(alias("exec"), "--", "sh", "-c", "echo ready; read line < \"$0\"", fifo.toString());
        assertThat(running.nextLine()).isEqualTo("ready");

        ProcessHandle jvm = running.process().toHandle();
        List<ProcessHandle> involved = new ArrayList<>(List.of(jvm));
        jvm.descendants().forEach(involved::add);
        try {
            // the launcher replaced itself with our JVM, which started the child
            assertThat(cmdline(jvm.pid())).contains("java");
            assertThat(involved).anySatisfy(p -> assertThat(cmdline(p.pid())).startsWith("sh\0-c\0echo ready"));
            try (Stream<Path> all = Files.list(Path.of("/proc"))) {
                List<String> holders = all.filter(p -> p.getFileName().toString().matches("\\d+"))
                        .filter(p -> cmdline(Long.parseLong(p.getFileName().toString())).contains(token()))
                        .map(p -> p.getFileName().toString()).toList();
                assertThat(holders).as("processes with the token on their command line").isEmpty();
            }
            // nor is it in our JVM's own environment: only the child gets it
            assertThat(Files.readString(Path.of("/proc/" + jvm.pid() + "/environ"), StandardCharsets.ISO_8859_1)).doesNotContain(token());
        } finally {
            Files.writeString(fifo, "go\n");
        }
        JBang.Result result = running.await();
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.both()).doesNotContain(token());
    }

    @Test
    void termIntAndHupSentToExecReachTheChildAndItsSignalStatusBecomesOurs() throws Exception {
        for (Map.Entry<String, Integer> signal : Map.of("TERM", 15, "INT", 2, "HUP", 1).entrySet()) {
            String name = signal.getKey();
            // the child waits for a signal (a minute at most), reports it, and dies of it; 'env --default-signal' undoes any
            // ignoring inherited from whoever started the test run, for exec and so for its child
            String child = "sleep 60 & pid=$!; trap 'echo got-" + name + "; kill $pid; trap - " + name + "; kill -s " + name
                    + " $$' " + name + "; echo ready; wait $pid";
            JBang.Running running = jbang.startShell("exec env --default-signal=TERM,INT,HUP " + EXEC + " -- sh -c "
                    + GitClient.quote(child));
            assertThat(running.nextLine()).isEqualTo("ready");
            assertThat(cmdline(running.process().pid())).as("the signal goes to our JVM").contains("java");

            assertThat(new ProcessBuilder("sh", "-c", "kill -s " + name + " " + running.process().pid()).start().waitFor()).isZero();

            JBang.Result result = running.await();
            assertThat(result.out()).as(name).isEqualTo("ready\ngot-" + name + "\n");
            assertThat(result.exit()).as(name + ": " + result.err()).isEqualTo(128 + signal.getValue());
        }
    }

    @Test
    void aNeededLoginIsExit3BeforeTheChildStarts() {
        jbang.run(alias("revoke"));
        Path marker = home.resolve("child-ran");

        JBang.Result result = jbang.shell(EXEC + " -- touch " + GitClient.quote(marker.toString()));

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("exec: not logged in (profile 'default'); log in with: " + JBang.fromThisClone("login") + "\n");
        assertThat(marker).doesNotExist();
    }

    @Test
    void badUsageAndAMissingCommandHaveTheirExitCodes() {
        assertThat(jbang.shell(EXEC).exit()).isEqualTo(2);
        assertThat(jbang.shell(EXEC + " -- ").exit()).isEqualTo(2);
        assertThat(jbang.shell(EXEC + " sh -c true").exit()).isEqualTo(2);
        assertThat(jbang.shell(EXEC + " --env 1BAD -- true").exit()).isEqualTo(2);

        JBang.Result missing = jbang.shell(EXEC + " -- no-such-command-here");
        assertThat(missing.exit()).isEqualTo(127);
        assertThat(missing.err()).isEqualTo("exec: cannot run no-such-command-here: No such file or directory\n");
        JBang.Result notExecutable = jbang.shell(EXEC + " -- " + GitClient.quote(home.toString()));
        assertThat(notExecutable.exit()).isEqualTo(126);
        assertThat(notExecutable.err()).startsWith("exec: cannot run ").hasLineCount(1);
    }

    @Test
    void aCommandTypedWithoutTheDoubleDashGetsTheCommandLineThatWorksAndItDoes() throws Exception {
        String hint = "exec: the command to run goes after '--': ";

        JBang.Result typo = jbang.shell(EXEC + " --min-valid 30 sh -c 'printf %s \"$ACCESS_TOKEN\" | sha256sum'");

        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.out()).isEmpty();
        // JBang says on stderr when it builds the scripts first
        List<String> ours = typo.err().lines().filter(l -> !l.startsWith("[jbang]")).toList();
        assertThat(ours).singleElement().asString().startsWith(hint + JBang.fromThisClone("exec") + " --min-valid 30 -- sh -c ");
        JBang.Result asPrinted = jbang.shell(ours.get(0).substring(hint.length()));
        assertThat(asPrinted.exit()).as(asPrinted.err()).isZero();
        assertThat(asPrinted.out()).isEqualTo(sha256(token()) + "  -\n");
    }

    /** A process's command line, NUL-separated; empty for one that is gone or not ours to read. */
    private static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            return "";
        }
    }
}
