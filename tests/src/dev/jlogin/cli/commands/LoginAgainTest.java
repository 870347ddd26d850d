package dev.jlogin.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.cli.CliHarness;
import dev.jlogin.cli.InProcessCommands;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** login on a profile that is logged in: a person at a terminal is asked first, a script is not. */
class LoginAgainTest extends InProcessCommands {
    @BeforeEach
    void configure() {
        assertThat(cli.login().exit()).isZero();
    }

    private void atATerminal(String answer) {
        cli.stdinTerminal = true;
        cli.stderrTerminal = true;
        cli.stdin = answer;
    }

    private int deviceRequests() {
        return cli.server.requests("/issuer/device").size();
    }

    @Test
    void atATerminalNoAnswerOrNoKeepsTheLogin() {
        for (String answer : new String[] {"n\n", "\n", "", "whatever\n"}) {
            atATerminal(answer);
            CliHarness.Result result = cli.login();

            assertThat(result.exit()).as(answer).isZero();
            assertThat(result.err()).contains("Profile 'default' is logged in to " + cli.server.issuer() + " already.")
                    .contains("Log in again and replace that login? [y/N] ").contains("Kept the current login.");
            assertThat(result.out()).isEmpty();
        }
        assertThat(deviceRequests()).isEqualTo(1);
    }

    @Test
    void atATerminalYesLogsInAgain() {
        atATerminal("y\n");
        CliHarness.Result result = cli.login();

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("Logged in to ");
        assertThat(deviceRequests()).isEqualTo(2);
    }

    @Test
    void forceSkipsTheQuestion() {
        atATerminal("");
        CliHarness.Result result = cli.login("--force");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.err()).doesNotContain("[y/N]");
        assertThat(deviceRequests()).isEqualTo(2);
    }

    @Test
    void inAScriptTheLoginIsReplacedWithoutAQuestion() {
        cli.stdin = "n\n";
        CliHarness.Result result = cli.login();

        assertThat(result.exit()).isZero();
        assertThat(result.err()).doesNotContain("[y/N]");
        assertThat(deviceRequests()).isEqualTo(2);

        cli.stdinTerminal = true; // stderr into a file: still no one to ask
        assertThat(cli.login().err()).doesNotContain("[y/N]");
        assertThat(deviceRequests()).isEqualTo(3);
    }
}
