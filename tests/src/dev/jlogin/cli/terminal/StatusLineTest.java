package dev.jlogin.cli.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.cli.CliHarness;
import dev.jlogin.cli.InProcessCommands;
import dev.jlogin.cli.commands.LoginCommand;
import dev.jlogin.testing.FakeAuthorizationServer.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * While login waits: on a terminal one line rewritten in place with the time left and the last
 * poll's status (RFC 8628 §3.5: authorization_pending, slow_down; and an unreachable server);
 * elsewhere plain lines. The clock is simulated: every second of waiting is a step of the fake sleeper.
 */
class StatusLineTest extends InProcessCommands {
    private static final String REWRITE = "\r\u001b[K";

    @BeforeEach
    void start() {
        // the fake server's code lives 600 s, with a 1 s interval: pending, slow down (+5 s), down (back off), approved
        cli.server.enqueueTokenReplies(Reply.error(400, "authorization_pending"), Reply.error(400, "slow_down"),
                Reply.raw(503, "down for maintenance"));
    }

    private CliHarness.Result loginApprovedAfterThreePolls(String... args) {
        cli.onWait = () -> {
            if (cli.server.polls().size() >= 3) {
                cli.server.approve();
            }
        };
        return cli.run(new LoginCommand(), args);
    }

    @Test
    void onATerminalOneLineCountsDownEverySecondWithTheLastPollsStatusAndIsClearedAtTheEnd() {
        cli.stderrTerminal = true;
        cli.env.put("TERM", "xterm");

        CliHarness.Result result = loginApprovedAfterThreePolls();

        assertThat(result.exit()).as(result.err()).isZero();
        String err = result.err();
        assertThat(err).contains(REWRITE + "Waiting for approval: 10m 00s left; first poll soon" + REWRITE)
                .contains(REWRITE + "Waiting for approval: 9m 59s left; last poll: pending" + REWRITE)
                // after slow_down the wait is 6 s, a line for each second of it
                .contains(REWRITE + "Waiting for approval: 9m 58s left; last poll: server asked to slow down" + REWRITE
                        + "Waiting for approval: 9m 57s left; last poll: server asked to slow down")
                .contains(REWRITE + "Waiting for approval: 9m 53s left; last poll: server asked to slow down" + REWRITE)
                .contains("last poll: server unreachable, retrying" + REWRITE)
                // cleared before the end: nothing after it, and the result is on stdout
                .endsWith(REWRITE);
        assertThat(err.substring(err.indexOf(REWRITE))).doesNotContain("\n");
        assertThat(result.out()).startsWith("Logged in to ");
    }

    @Test
    void verboseLinesOnATerminalStandOnLinesOfTheirOwn() {
        cli.stderrTerminal = true;

        CliHarness.Result result = loginApprovedAfterThreePolls("--verbose");

        // what the screen keeps of each line is what follows its last rewrite: a poll line, whole, alone
        assertThat(result.err().split("\n")).filteredOn(l -> l.contains("* poll:")).hasSize(3)
                .allSatisfy(l -> assertThat(l.substring(l.lastIndexOf(REWRITE) + 1)).matches("(\u001b\\[K)?\\* poll: [^\r\u001b]*"));
    }

    @Test
    void withoutATerminalEachChangeOfStatusIsAPlainLineAndThereAreNoControlCodes() {
        CliHarness.Result result = loginApprovedAfterThreePolls();

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.err()).doesNotContain("\u001b").doesNotContain("\r")
                .contains("\nLast poll: server asked to slow down.\nLast poll: server unreachable, retrying.\n")
                .doesNotContain("Last poll: pending");
    }

    @Test
    void onADumbTerminalTheLinesArePlain() {
        cli.stderrTerminal = true;
        cli.env.put("TERM", "dumb");

        CliHarness.Result result = loginApprovedAfterThreePolls();

        assertThat(result.err()).doesNotContain("\u001b").doesNotContain("\r").contains("Last poll: server asked to slow down.");
    }
}
