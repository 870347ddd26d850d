package dev.jlogin.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jlogin.testing.FakeAuthorizationServer;
import dev.jlogin.testing.FullTier;
import dev.jlogin.testing.JBang;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The login prompt on a real pseudo-terminal (script(1)), as a person sees it, and Ctrl-C there. */
@FullTier
class LoginTerminalTest extends FakeServerScripts {
    private static final String ESC = "\u001b";

    /**
     * Login on a pseudo-terminal; everything it writes (stdout and stderr) arrives as the pty's output.
     * SIGINT is reset to its default first: a suite started in the background of a shell inherits it
     * ignored, and a JVM leaves an ignored SIGINT alone, as a terminal's Ctrl-C never finds it.
     */
    private JBang.Running loginOnATerminal() {
        return jbang.startShell("exec env --default-signal=INT script -qec '\"$JBANG\" " + alias("login") + " --no-browser' /dev/null");
    }

    /** Reads the pty's output up to the line that says the login waits; returns all of it. */
    private static String untilWaiting(JBang.Running running) {
        StringBuilder seen = new StringBuilder();
        for (String line = running.nextLine(); ; line = running.nextLine()) {
            seen.append(line).append('\n');
            if (line.startsWith("Waiting for approval")) {
                return seen.toString();
            }
        }
    }

    @Test
    void onATerminalTheCodeIsBoldAndCtrlCCancelsTheLoginWithExit130() throws IOException {
        env.put("NO_COLOR", "");
        env.put("TERM", "xterm");
        JBang.Running running = loginOnATerminal();

        String prompt = untilWaiting(running);
        // what Ctrl-C does: the terminal sends SIGINT to every process of its foreground job
        running.process().descendants().forEach(p -> signal("INT", p.pid()));
        JBang.Result result = running.await();

        assertThat(prompt).contains("  " + ESC + "[1m" + FakeAuthorizationServer.USER_CODE + ESC + "[0m");
        assertThat(result.exit()).isEqualTo(130);
        assertThat(result.out()).contains("login: login cancelled").doesNotContain("Exception")
                // on a line of its own: the status line, if drawn yet, was cleared first (the output
                // is read line by line, so a carriage return shows as a line break here)
                .containsPattern("\n(\u001b\\[K)?login: login cancelled");
        // the settings it was started with may be kept for a retry, but no token
        assertThat(new dev.jlogin.store.TokenStore(home.resolve("jlogin"), java.time.Duration.ofSeconds(1)).read("default")).isEmpty();
    }

    @Test
    void noColorKeepsThePromptPlainOnATerminal() {
        env.put("NO_COLOR", "1");
        JBang.Running running = loginOnATerminal();

        String prompt = untilWaiting(running);
        server.approve();
        JBang.Result result = running.await();

        assertThat(result.exit()).as(result.out()).isZero();
        assertThat(prompt).contains("\n  " + FakeAuthorizationServer.USER_CODE + "\n").doesNotContain(ESC);
    }

    @Test
    void onATerminalOneLineCountsDownWithTheLastPollAndIsClearedBeforeTheResult() {
        env.put("NO_COLOR", "1");
        JBang.Running running = loginOnATerminal();

        untilWaiting(running);
        await().atMost(Duration.ofSeconds(30)).until(() -> server.polls().size() >= 2);
        server.approve();
        JBang.Result result = running.await();

        assertThat(result.exit()).as(result.out()).isZero();
        // the output is read line by line: a carriage return shows as a line break here
        assertThat(result.out()).containsPattern("\n\u001b\\[KWaiting for approval: 9m 5\\ds left; last poll: pending\n")
                .contains("\n\u001b[KLogged in to " + server.issuer());
    }

    @Test
    void intoAPipeThePromptHasNoControlCodes() {
        env.put("NO_COLOR", "");
        JBang.Running running = jbang.start(alias("login"), "--no-browser");
        await().atMost(Duration.ofMinutes(3)).until(() -> !server.requests("/issuer/device").isEmpty()
                || !running.process().isAlive());
        server.approve();
        JBang.Result result = running.await();

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.err()).contains("\n  " + FakeAuthorizationServer.USER_CODE + "\n").doesNotContain(ESC).doesNotContain("\r");
    }

    @Test
    void onATerminalLoginAsksBeforeReplacingALogin() {
        JBang.Running first = jbang.start(alias("login"), "--no-browser");
        await().atMost(Duration.ofMinutes(3)).until(() -> !server.requests("/issuer/device").isEmpty()
                || !first.process().isAlive());
        server.approve();
        assertThat(first.await().exit()).isZero();

        // the answer is typed into the pseudo-terminal, as a person would
        JBang.Result again = jbang.shell("printf 'n\\n' | script -qec '\"$JBANG\" " + alias("login") + " --no-browser' /dev/null");

        assertThat(again.exit()).as(again.out()).isZero();
        assertThat(again.out()).contains("Profile 'default' is logged in to " + server.issuer() + " already.")
                .contains("replace that login? [y/N]").contains("Kept the current login.");
        assertThat(server.requests("/issuer/device")).hasSize(1);
    }
}
