package dev.jlogin.cli;

import dev.jlogin.browser.BrowserLauncher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "A browser window was opened" is claimed only when the opener says it worked; otherwise why not. */
class BrowserLauncherTest {
    private static final URI LINK = URI.create("https://idp.example/activate?user_code=ABCD-EFGH");

    @TempDir
    Path dir;

    private List<String> opener(String body) throws IOException {
        Path script = dir.resolve("opener");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return List.of(script.toString());
    }

    @Test
    void anOpenerThatSucceedsOpenedTheLinkItWasGiven() throws IOException {
        Path seen = dir.resolve("seen");
        BrowserLauncher.Outcome outcome = BrowserLauncher.running(opener("printf %s \"$1\" > " + seen), Duration.ofSeconds(30))
                .open(LINK);

        assertThat(outcome.opened()).isTrue();
        assertThat(Files.readString(seen)).isEqualTo(LINK.toString());
    }

    @Test
    void aFailingOrMissingOpenerIsReportedWithTheReason() throws IOException {
        BrowserLauncher.Outcome failed = BrowserLauncher.running(opener("exit 3"), Duration.ofSeconds(30)).open(LINK);
        assertThat(failed.opened()).isFalse();
        assertThat(failed.reason()).endsWith("opener failed (exit status 3)");

        BrowserLauncher.Outcome missing = BrowserLauncher.running(List.of(dir.resolve("absent").toString()), Duration.ofSeconds(30))
                .open(LINK);
        assertThat(missing.opened()).isFalse();
        assertThat(missing.reason()).contains("could not be run");
    }

    @Test
    void onlyHttpLinksAreHandedToTheOpener() throws IOException {
        Path seen = dir.resolve("seen");
        BrowserLauncher.Outcome outcome = BrowserLauncher.running(opener("touch " + seen), Duration.ofSeconds(30))
                .open(URI.create("file:///etc/passwd"));

        assertThat(outcome.opened()).isFalse();
        assertThat(seen).doesNotExist();
    }

    @Test
    void noOpenerOverSshOrWithoutADisplaySaysWhich() {
        assertThat(BrowserLauncher.command("Linux", Map.of("SSH_CONNECTION", "x", "DISPLAY", ":0"))).isEmpty();
        assertThat(BrowserLauncher.whyNot(Map.of("SSH_TTY", "/dev/pts/1"))).contains("SSH");
        assertThat(BrowserLauncher.command("Linux", Map.of())).isEmpty();
        assertThat(BrowserLauncher.whyNot(Map.of())).contains("no display");
        assertThat(BrowserLauncher.command("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"))).contains(List.of("xdg-open"));
    }

    /** macOS's open(1) and Windows' URL handler need no display variable; over SSH there is no opener either. */
    @Test
    void macOsAndWindowsHaveTheirOwnOpeners() {
        assertThat(BrowserLauncher.command("Mac OS X", Map.of())).contains(List.of("open"));
        assertThat(BrowserLauncher.command("Windows 11", Map.of())).contains(List.of("rundll32", "url.dll,FileProtocolHandler"));
        assertThat(BrowserLauncher.command("Mac OS X", Map.of("SSH_CONNECTION", "x"))).isEmpty();
    }

    @Test
    void loginSaysABrowserWasOpenedOnlyWhenItWas(@TempDir Path home) {
        try (CliHarness cli = new CliHarness(home)) {
            cli.browser = uri -> BrowserLauncher.Outcome.notOpened("xdg-open failed (exit status 4)");
            CliHarness.Result failed = cli.login();
            assertThat(failed.exit()).isZero();
            assertThat(failed.err()).contains("(No browser was opened: xdg-open failed (exit status 4).)")
                    .doesNotContain("A browser window was opened");

            cli.browser = uri -> BrowserLauncher.Outcome.success();
            assertThat(cli.login().err()).contains("(A browser window was opened for you.)");
            assertThat(cli.login("--no-browser").err()).doesNotContain("browser window").doesNotContain("No browser");
        }
    }
}
