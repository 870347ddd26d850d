package dev.jlogin.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jlogin.json.JsonObject;
import dev.jlogin.testing.FullTier;
import dev.jlogin.testing.JBang;
import dev.jlogin.testing.TestBrowser;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The browser login through the real scripts, with the machine's own opener: on a Linux desktop
 * ({@code DISPLAY} set) {@code login} runs {@code xdg-open} (the stand-in in tests/stand-ins, whose
 * header says what it reproduces) and the login completes when the "browser" comes back; over SSH,
 * with the same display, the device flow is chosen and nothing is opened; Ctrl-C ends a waiting
 * browser login with 130.
 */
@FullTier
class BrowserLoginScriptTest extends FakeServerScripts {
    private Path opened;

    @BeforeEach
    void desktop() throws Exception {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Files.copy(JBang.REPO.resolve("tests/stand-ins/xdg-open"), bin.resolve("xdg-open"), StandardCopyOption.COPY_ATTRIBUTES);
        opened = home.resolve("xdg-open.log");
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.put("XDG_OPEN_LOG", opened.toString());
        env.put("DISPLAY", ":99");
        server.offerBrowserLogin();
    }

    @Test
    void onADesktopTheBrowserIsOpenedAndTheLoginCompletes() throws Exception {
        JBang.Running login = jbang.start(alias("login"), "--json");
        JsonObject first = JsonObject.parse(login.nextLine());
        JBang.Result result = login.await();

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(first.asMap()).containsEntry("flow", "browser").containsEntry("browser_opened", true);
        assertThat(Files.readAllLines(opened)).containsExactly(first.requireString("authorization_uri"));
        assertThat(server.polls()).isEmpty();
        assertThat(result.out()).contains("\"status\":\"logged_in\"");
        JBang.Result token = jbang.run(alias("token"));
        assertThat(token.exit()).as(token.err()).isZero();
        assertThat(server.accepts(token.out().strip())).isTrue();
        for (String secret : server.issuedSecrets()) {
            assertThat(result.both()).doesNotContain(secret);
        }
    }

    @Test
    void ctrlCEndsAWaitingBrowserLoginWithExit130AndClosesTheListener() throws Exception {
        env.put("SSH_CONNECTION", "192.0.2.1 50000 192.0.2.2 22"); // --browser prints the link: nobody comes back
        // SIGINT reset to its default: a suite started in the background of a shell inherits it ignored
        JBang.Running login = jbang.startShell("exec env --default-signal=INT \"$JBANG\" " + alias("login") + " --json --browser");
        JsonObject first = JsonObject.parse(login.nextLine());
        URI callback = URI.create(TestBrowser.queryParameter(URI.create(first.requireString("authorization_uri")), "redirect_uri"));

        // the launcher execs the JVM, so the started process is the login itself
        assertThat(ProcessHandle.of(login.process().pid()).flatMap(p -> p.info().command())).as("the signal goes to our JVM")
                .hasValueSatisfying(command -> assertThat(command).endsWith("java"));
        signal("INT", login.process().pid());
        JBang.Result result = login.await();

        assertThat(first.asMap()).containsEntry("flow", "browser").containsEntry("browser_opened", false);
        assertThat(result.exit()).as(result.err()).isEqualTo(130);
        assertThat(result.err()).contains("login cancelled").doesNotContain("Exception");
        assertThat(TestBrowser.listening(callback)).isFalse();
        assertThat(server.requests()).noneMatch(r -> "authorization_code".equals(r.grantType()));
    }

    @Test
    void overSshTheDeviceFlowIsChosenAndNoBrowserIsOpened() throws Exception {
        env.put("SSH_CONNECTION", "192.0.2.1 50000 192.0.2.2 22");
        JBang.Running login = jbang.start(alias("login"), "--json");
        JsonObject first = JsonObject.parse(login.nextLine());
        await().atMost(Duration.ofMinutes(1)).until(() -> !server.requests("/issuer/device").isEmpty());
        server.approve();
        JBang.Result result = login.await();

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(first.asMap()).containsEntry("flow", "device");
        assertThat(opened).doesNotExist();
    }
}
