package dev.jlogin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.testing.FullTier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Keeps bench/launcher working: two runs per row, the whole table printed, the network checks
 * held (no request with a valid token, one with an expired one). It asserts no timing: the figures
 * come from a benchmark run, not a test.
 */
@FullTier
class LauncherBenchTest {
    @Test
    void theBenchmarkRunsInItsQuickMode() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            LauncherBench.main(new String[] {"2"});
        } finally {
            System.setOut(original);
        }
        String table = captured.toString(StandardCharsets.UTF_8);
        original.print(table);
        assertThat(table).contains("| `installed launcher: bench token` |", "| `jbang token@catalog` |",
                "| `installed launcher: bench git-credential get` |",
                "| `installed launcher: bench kube-credential` |", "installed token / java hello:",
                "| `installed launcher: bench token --audience, kept` |",
                "network requests: 0 during all runs with a valid token (must be 0), 1 for one call");
    }
}
