package dev.jlogin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Commands run in-process against a fresh fake server and home per test (subclasses add their settings). */
public abstract class InProcessCommands {
    @TempDir
    public Path home;
    public CliHarness cli;

    @BeforeEach
    void startHarness() {
        cli = new CliHarness(home);
    }

    @AfterEach
    void stopHarness() {
        cli.close();
    }

    protected void assertNoSecretIn(CliHarness.Result result) {
        for (String secret : cli.server.issuedSecrets()) {
            assertThat(result.both()).doesNotContain(secret);
        }
    }
}
