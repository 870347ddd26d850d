package dev.jlogin.cli.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jlogin.cli.CliHarness;
import dev.jlogin.cli.InProcessCommands;
import dev.jlogin.testing.FakeAuthorizationServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code login --copy}: the user code (never the device code) reaches the clipboard through a tool's stdin. */
class ClipboardTest extends InProcessCommands {
    @TempDir
    Path tools;

    @BeforeEach
    void start() {
        // the stand-ins first; the system's tools for the stand-ins' own commands
        cli.env.put("PATH", tools + ":/usr/bin:/bin");
    }

    /** A stand-in clipboard tool that records its arguments and its stdin, and exits with {@code status}. */
    private void tool(String name, int status) throws IOException {
        Path script = tools.resolve(name);
        Files.writeString(script, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$0.argv\"\ncat > \"$0.stdin\"\nexit " + status + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void theUserCodeGoesToTheFirstToolThatCanWorkOnItsStdin() throws Exception {
        tool("wl-copy", 0);
        tool("xclip", 0);
        tool("pbcopy", 0);
        cli.env.put("DISPLAY", ":7");

        CliHarness.Result result = cli.login("--copy");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.err()).contains("\nCopied the code to the clipboard.\n");
        // no Wayland display: wl-copy cannot work; xclip comes next
        assertThat(tools.resolve("wl-copy.stdin")).doesNotExist();
        assertThat(tools.resolve("xclip.stdin")).hasContent(FakeAuthorizationServer.USER_CODE);
        assertThat(tools.resolve("xclip.argv")).hasContent("-selection\nclipboard");
        assertThat(tools.resolve("pbcopy.stdin")).doesNotExist();
        assertThat(cli.server.issuedSecrets()).allSatisfy(secret -> assertThat(Files.readString(tools.resolve("xclip.stdin"))
                .concat(Files.readString(tools.resolve("xclip.argv")))).doesNotContain(secret));
    }

    @Test
    void aToolThatFailsIsSaidInOneLineAndTheLoginGoesOn() throws Exception {
        tool("pbcopy", 1);

        CliHarness.Result result = cli.login("--copy");

        assertThat(result.exit()).isZero();
        assertThat(result.err()).contains("\n(The code was not copied: pbcopy failed (exit status 1).)\n")
                .doesNotContain("Copied the code");
    }

    @Test
    void withoutAToolItSaysSo() {
        cli.env.put("PATH", tools.toString());

        CliHarness.Result result = cli.login("--copy");

        assertThat(result.exit()).isZero();
        assertThat(result.err()).contains("(The code was not copied: no clipboard tool found").doesNotContain("Copied the code");
    }

    @Test
    void withoutCopyNothingIsCopied() throws Exception {
        tool("pbcopy", 0);

        CliHarness.Result result = cli.login();

        assertThat(result.err()).doesNotContain("copied").doesNotContain("Copied");
        assertThat(tools.resolve("pbcopy.stdin")).doesNotExist();
    }

    @Test
    void toolsThatNeedADisplayAreSaidToLackOneRatherThanToBeMissing() throws Exception {
        tool("wl-copy", 0);
        tool("xclip", 0);
        tool("xsel", 0);

        CliHarness.Result result = cli.login("--copy");

        assertThat(result.exit()).isZero();
        // the login screen wraps its lines at 80 columns
        assertThat(result.err().replace('\n', ' ')).contains(" (The code was not copied: wl-copy, xclip and xsel are installed,"
                + " but there is no display (neither WAYLAND_DISPLAY nor DISPLAY is set).) ").doesNotContain("no clipboard tool found");
        assertThat(tools.resolve("xclip.stdin")).doesNotExist();
    }

    @Test
    void theRealXclipSaysItHasNoDisplayAndOnAVirtualOneHoldsTheCode() throws Exception {
        // the real xclip, alone on PATH: whatever else this machine has installed does not change the message
        Path xclip = Stream.of(System.getenv("PATH").split(":")).map(dir -> Path.of(dir, "xclip")).filter(Files::isExecutable)
                .findFirst().orElseThrow(() -> new AssertionError("xclip is not installed"));
        Files.createSymbolicLink(tools.resolve("xclip"), xclip);
        cli.env.put("PATH", tools.toString());

        CliHarness.Result headless = cli.login("--copy");

        assertThat(headless.err().replace('\n', ' ')).contains(" (The code was not copied: xclip is installed, but there is no"
                + " display (DISPLAY is not set).) ");
        // Xvfb picks a free display itself and tells its number on the descriptor given (stdout)
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String display = ":" + new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.UTF_8)).readLine();
            cli.env.put("DISPLAY", display);

            CliHarness.Result result = cli.login("--copy");

            assertThat(result.err()).contains("Copied the code to the clipboard.");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(paste(display)).isEqualTo(FakeAuthorizationServer.USER_CODE));
        } finally {
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String paste(String display) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("xclip", "-selection", "clipboard", "-o").redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("DISPLAY", display);
        Process xclip = builder.start();
        String pasted = new String(xclip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        xclip.waitFor(10, TimeUnit.SECONDS);
        return pasted;
    }
}
