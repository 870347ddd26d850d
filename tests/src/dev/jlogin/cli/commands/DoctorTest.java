package dev.jlogin.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.cli.CliHarness;
import dev.jlogin.cli.InProcessCommands;
import dev.jlogin.testing.HoldProfileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** doctor looks and changes nothing, and names what it finds rather than guessing. */
class DoctorTest extends InProcessCommands {
    private static List<Path> everythingUnder(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> !f.equals(folder)).sorted().toList();
        }
    }

    @Test
    void onAFreshHomeItCreatesNothing() throws Exception {
        CliHarness.Result result = cli.run(new DoctorCommand());

        assertThat(everythingUnder(home)).isEmpty();
        assertThat(result.out()).contains("login:         none").contains("lock:          none yet");

        Path missing = home.resolve("not-yet");
        cli.env.put("JLOGIN_HOME", missing.toString());
        assertThat(cli.run(new DoctorCommand(), "--json").out()).contains("\"lock\":\"absent\"");
        assertThat(missing).doesNotExist();
    }

    @Test
    void afterALoginItLeavesTheFilesAsTheyWere() throws Exception {
        assertThat(cli.login().exit()).isZero();
        List<Path> before = everythingUnder(home);

        CliHarness.Result result = cli.run(new DoctorCommand());

        assertThat(result.exit()).as(result.out()).isZero();
        assertThat(result.out()).contains("lock:          free").contains("No problems found.");
        assertThat(everythingUnder(home)).isEqualTo(before);
    }

    @Test
    void itShowsTheProviderTheProfileLoggedInWith() {
        assertThat(cli.login("--provider", "keycloak").exit()).isZero();

        assertThat(cli.run(new DoctorCommand()).out())
                .contains("login:         present for " + cli.server.issuer() + " (provider keycloak), client cli;");
        assertThat(cli.run(new DoctorCommand(), "--json").out()).contains("\"login\":{\"provider\":\"keycloak\",");
    }

    @Test
    void aLockHeldByAnotherProcessIsReportedAsSuch() throws Exception {
        assertThat(cli.login().exit()).isZero();
        Process holder = HoldProfileLock.start(home);
        try {
            assertThat(new String(holder.getInputStream().readNBytes("locked".length()))).isEqualTo("locked");

            CliHarness.Result result = cli.run(new DoctorCommand());

            assertThat(result.out()).contains("lock:          held by another process");
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
    }

    @Test
    void aLockThatCannotBeUsedIsNotMistakenForOneHeldElsewhere() throws Exception {
        assertThat(cli.login().exit()).isZero();
        Path lock = home.resolve("profiles/default.lock");
        Files.delete(lock);
        Files.createDirectory(lock);

        CliHarness.Result result = cli.run(new DoctorCommand());

        assertThat(result.exit()).isEqualTo(7);
        assertThat(result.out()).doesNotContain("held by another process")
                .contains("cannot inspect the lock of profile 'default': " + lock + " is not a regular file");
    }
}
