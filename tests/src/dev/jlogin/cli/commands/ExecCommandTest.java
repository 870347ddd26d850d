package dev.jlogin.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.cli.CliHarness;
import dev.jlogin.cli.InProcessCommands;
import org.junit.jupiter.api.Test;

/**
 * exec's exit status when its command cannot be started, as shells give it (127 not found, 126
 * not runnable), from the JDK's message in both of its wordings, and the --env names it refuses.
 */
class ExecCommandTest extends InProcessCommands {
    @Test
    void theStatusComesFromTheOsErrorInEitherWordingOfTheJdk() {
        // JDK 17 to 21, then JDK 22 and later (ProcessImpl's messages, as each prints them)
        assertThat(ExecCommand.StartFailure.of("Cannot run program \"nosuchcmd\": error=2, No such file or directory"))
                .isEqualTo(new ExecCommand.StartFailure(127, "No such file or directory"));
        assertThat(ExecCommand.StartFailure.of("Cannot run program \"nosuchcmd\": Exec failed, error: 2 (No such file or directory) "))
                .isEqualTo(new ExecCommand.StartFailure(127, "No such file or directory"));
        assertThat(ExecCommand.StartFailure.of("Cannot run program \"/tmp/x\": Exec failed, error: 13 (Permission denied) "))
                .isEqualTo(new ExecCommand.StartFailure(126, "Permission denied"));
        assertThat(ExecCommand.StartFailure.of("Cannot run program \"/tmp/x\": error=13, Permission denied"))
                .isEqualTo(new ExecCommand.StartFailure(126, "Permission denied"));
    }

    @Test
    void variablesThatRunOrLoadCodeAreRefusedBeforeAnythingRuns() {
        cli.login();
        for (String name : new String[] {"LD_PRELOAD", "LD_LIBRARY_PATH", "DYLD_INSERT_LIBRARIES", "PATH", "BASH_ENV", "ENV",
                "JAVA_TOOL_OPTIONS", "GIT_SSH_COMMAND", "NODE_OPTIONS"}) {
            CliHarness.Result result = cli.run(new ExecCommand(), "--env", name, "--", "sh", "-c", "echo ran");

            assertThat(result.exit()).as(name).isEqualTo(2);
            assertThat(result.err()).contains("--env " + name + " is refused");
            assertThat(result.out()).doesNotContain("ran");
        }
    }
}
