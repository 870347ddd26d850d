package dev.jlogin.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.browser.BrowserLauncher;
import dev.jlogin.cli.CliHarness;
import dev.jlogin.cli.InProcessCommands;
import dev.jlogin.cli.terminal.Format;
import dev.jlogin.json.JsonObject;
import dev.jlogin.testing.FakeAuthorizationServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What login shows while it waits: lines a person can read and copy, and links that are what they seem. */
class WaitingScreenTest extends InProcessCommands {
    private static final String ESC = "\u001b";

    private final List<URI> opened = new ArrayList<>();

    @BeforeEach
    void start() {
        cli.browser = uri -> {
            opened.add(uri);
            return BrowserLauncher.Outcome.success();
        };
    }

    private String base() {
        return cli.server.base();
    }

    @Test
    void withoutATerminalTheCodeAndEachLinkHaveLinesOfTheirOwnAndNoControlCodes() {
        CliHarness.Result result = cli.login();

        assertThat(result.exit()).as(result.err()).isZero();
        List<String> lines = result.err().lines().toList();
        assertThat(lines).contains("  " + FakeAuthorizationServer.USER_CODE, "  " + base() + "/activate",
                "  " + base() + "/activate?user_code=" + FakeAuthorizationServer.USER_CODE);
        assertThat(result.err()).doesNotContain(ESC);
        assertThat(lines).filteredOn(l -> !l.startsWith("  http")).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
        assertThat(lines).contains("and enter this code, but only if you just started this login on this machine:");
        assertThat(lines.get(0)).isEqualTo("To log in, open this link in a browser (it is on 127.0.0.1):");
        assertThat(result.err()).doesNotContain("Warning");
    }

    @Test
    void theCodeIsBoldOnlyOnATerminalWithoutNoColor() {
        cli.stderrTerminal = true;
        assertThat(cli.login().err().lines()).contains("  " + ESC + "[1m" + FakeAuthorizationServer.USER_CODE + ESC + "[0m");

        cli.env.put("NO_COLOR", "1");
        CliHarness.Result noColor = cli.login();
        // no colour or bold (SGR); the status line's erase-line is no colour and stays
        assertThat(noColor.err()).doesNotContainPattern(ESC + "\\[[0-9;]*m").contains("  " + FakeAuthorizationServer.USER_CODE + "\n");
    }

    @Test
    void aLinkToAnotherHostThanTheIssuersIsWarnedAbout() {
        cli.server.deviceResponse("verification_uri", base().replace("127.0.0.1", "localhost") + "/activate");
        cli.server.deviceResponse("verification_uri_complete", null);

        CliHarness.Result result = cli.login();

        assertThat(result.err()).contains("(it is on localhost):");
        assertThat(String.join(" ", result.err().lines().toList()))
                .contains("Warning: localhost is not 127.0.0.1, the server you log in to");
    }

    @Test
    void aLinkWithUserInfoIsRefused() {
        cli.server.deviceResponse("verification_uri_complete", "https://accounts.google.com@evil.example/activate");

        CliHarness.Result result = cli.login();

        assertThat(result.exit()).isEqualTo(6);
        assertThat(result.err()).contains("user info").doesNotContain("evil.example");
        assertThat(opened).isEmpty();
    }

    @Test
    void aLinkThatCannotBeShownAsItIsIsNotOpened() {
        cli.server.deviceResponse("verification_uri_complete", base() + "/activate/\u202Egpj.exe?user_code=X");

        CliHarness.Result result = cli.login();

        assertThat(result.exit()).isZero();
        assertThat(result.err()).contains("  " + base() + "/activate/?gpj.exe?user_code=X\n")
                .contains("No browser was opened: the link holds characters that cannot be shown")
                .doesNotContain("\u202E");
        assertThat(opened).isEmpty();
    }

    @Test
    void aLinkThatCanBeShownIsOpenedExactlyAsShown() {
        cli.login();

        assertThat(opened).containsExactly(URI.create(base() + "/activate?user_code=" + FakeAuthorizationServer.USER_CODE));
    }

    @Test
    void longLinksAreWholeOnTheTerminalAndInJson() throws Exception {
        String longLink = base() + "/activate?user_code=" + FakeAuthorizationServer.USER_CODE + "&state=" + "x".repeat(400);
        cli.server.deviceResponse("verification_uri_complete", longLink);

        CliHarness.Result result = cli.login("--json");

        JsonObject pending = JsonObject.parse(result.out().lines().findFirst().orElseThrow());
        assertThat(pending.requireString("verification_uri_complete")).isEqualTo(longLink);
        assertThat(result.err()).contains("  " + longLink + "\n");
    }

    @Test
    void longSentencesAreWrappedAtSpacesNotInsideWords() {
        assertThat(Format.wrap("aaa bbb ccc", 7)).containsExactly("aaa bbb", "ccc");
        assertThat(Format.wrap("a " + "x".repeat(12) + " b", 5)).containsExactly("a", "x".repeat(12), "b");
        assertThat(Format.wrap("short", 80)).containsExactly("short");
    }
}
