package dev.jlogin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jlogin.cli.Invocation;
import dev.jlogin.sandbox.SandboxCommand;
import dev.jlogin.testing.FullTier;
import dev.jlogin.testing.JBang;
import dev.jlogin.testing.JsonSchemas;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The sandbox alias: Keycloak up with the demo realm, and down again on SIGTERM; the tour, the
 * README's main job, from start to end. Either way nothing is left in the temporary folder (TMPDIR).
 * The two that start Keycloak run side by side (as the tour may beside a sandbox), after the
 * sandbox script is compiled once: JBang does not take two cold builds of one script at once.
 */
@FullTier
class SandboxTest {
    @TempDir
    Path home;
    private Path tmp;
    private JBang jbang;

    @BeforeAll
    static void compileTheSandboxOnce(@TempDir Path home) {
        new JBang(home, Map.of()).buildFirst("sandbox@" + JBang.CATALOG);
    }

    @BeforeEach
    void isolateTmpdir() throws IOException {
        tmp = Files.createDirectory(home.resolve("tmp"));
        jbang = new JBang(home, Map.of("TMPDIR", tmp.toString()));
    }

    private static int status(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private List<Path> leftInTmp() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.toList();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** What the sandbox itself wrote on stderr: JBang's lines about building the script set aside. */
    private static List<String> sandboxLines(String stderr) {
        return stderr.lines().filter(l -> !l.startsWith("[jbang]")).toList();
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void startsKeycloakWithTheDemoRealmAndStopsItOnSigterm() throws Exception {
        int port = freePort();
        JBang.Running sandbox = jbang.start("sandbox@" + JBang.CATALOG, "--json", "--port", String.valueOf(port));
        String line = sandbox.nextLine();
        JsonSchemas.documented().check("sandbox", line);
        String issuer = KeycloakLogins.field(line, "issuer");
        assertThat(issuer).isEqualTo("http://127.0.0.1:" + port + "/realms/devicetest");
        assertThat(KeycloakLogins.field(line, "client_id")).isEqualTo("device-public");
        assertThat(KeycloakLogins.field(line, "username")).isEqualTo("alice");
        assertThat(status(issuer + "/.well-known/openid-configuration")).isEqualTo(200);
        List<ProcessHandle> keycloak = sandbox.process().descendants().toList();
        assertThat(keycloak).isNotEmpty();
        // the work folder, with Keycloak's log, is where TMPDIR says while the sandbox runs
        assertThat(leftInTmp()).singleElement()
                .satisfies(work -> assertThat(work.getFileName().toString()).startsWith("jlogin-sandbox-"))
                .satisfies(work -> assertThat(work.resolve("keycloak.log")).isNotEmptyFile());

        // SIGTERM, as a service manager or `kill` would send (through the handle: Process.destroy also closes our pipes)
        sandbox.process().toHandle().destroy();

        assertThat(sandbox.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keycloak).noneMatch(ProcessHandle::isAlive);
        assertThatThrownBy(() -> status(issuer + "/.well-known/openid-configuration")).isInstanceOf(IOException.class);
        assertThat(leftInTmp()).isEmpty();
        assertThat(sandbox.await().err()).contains("Sandbox stopped.");
    }

    /**
     * The sandbox keeps one port, so a login saved against it works at the next start; when that
     * port is taken it says so in one line (exit 2) before fetching or starting anything.
     */
    @Test
    void aTakenPortIsOneLineBeforeAnythingIsFetched() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            JBang.Result chosen = jbang.run("sandbox@" + JBang.CATALOG, "--port", String.valueOf(taken.getLocalPort()));

            assertThat(chosen.exit()).as(chosen.err()).isEqualTo(2);
            assertThat(sandboxLines(chosen.err())).containsExactly("sandbox: port " + taken.getLocalPort()
                    + " on 127.0.0.1 is in use (by a sandbox started before?); stop that, or choose another port with --port N");
        }
        // the default, as the README runs it; someone else holding it makes it just as taken
        ServerSocket held = holdIfFree(SandboxCommand.DEFAULT_PORT);
        try {
            JBang.Result usual = jbang.shell("cd " + Invocation.quote(JBang.REPO.toString()) + " && ./jbang sandbox@jbang-catalog.json");

            assertThat(usual.exit()).as(usual.err()).isEqualTo(2);
            assertThat(sandboxLines(usual.err())).singleElement().asString()
                    .startsWith("sandbox: port 8180 on 127.0.0.1 is in use");
        } finally {
            if (held != null) {
                held.close();
            }
        }
        assertThat(home.resolve(".cache/jlogin/keycloak")).as("nothing fetched or unpacked").doesNotExist();
        assertThat(leftInTmp()).isEmpty();
    }

    /** A socket holding {@code port}, or null when something else holds it already. */
    private static ServerSocket holdIfFree(int port) {
        try {
            return new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            return null;
        }
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void tourRunsEveryCommandAndLeavesNothingBehind() throws Exception {
        // as the README runs it: from the clone, through its launcher and catalog
        JBang.Result tour = jbang.shell("cd " + Invocation.quote(JBang.REPO.toString()) + " && ./jbang sandbox@jbang-catalog.json --tour");

        assertThat(tour.exit()).as(tour.err()).isZero();
        // the commands shown work as shown there
        assertThat(tour.out()).contains("log in:     ./jbang login@jbang-catalog.json --issuer ")
                .contains("confidential client: device-confidential (its secret, device-confidential-secret, goes in JLOGIN_CLIENT_SECRET)")
                .contains("$ ./jbang login@jbang-catalog.json --browser").contains("$ ./jbang login@jbang-catalog.json --device")
                .contains("\"preferred_username\":\"alice\"")
                .contains("$ ./jbang revoke@jbang-catalog.json").contains("Tour complete.");
        // what really happens, not that a browser opened
        assertThat(tour.err().replace('\n', ' ')).doesNotContain("A browser window was opened")
                .contains("(No browser was opened: the sandbox signs in as alice and approves on Keycloak's pages over HTTP, as a"
                        + " browser would.)");
        assertThat(tour.err()).as("Keycloak's log was under TMPDIR").contains("(log: " + tmp.resolve("jlogin-sandbox-"));
        assertThat(leftInTmp()).isEmpty();
    }
}
