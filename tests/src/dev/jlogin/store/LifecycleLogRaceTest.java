package dev.jlogin.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.json.JsonObject;
import dev.jlogin.testing.FakeAuthorizationServer;
import dev.jlogin.testing.FullTier;
import dev.jlogin.testing.Logins;
import dev.jlogin.testing.RefreshForever;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 32 processes refresh one profile at once (each under the profile lock, each a real rotation):
 * the lifecycle log ends with exactly one whole JSON line per refresh, and holds no token.
 */
@FullTier
class LifecycleLogRaceTest {
    private static final int RACERS = 32;

    @TempDir
    Path home;

    @Test
    void thirtyTwoRacingRefreshesLeaveOneWholeLinePerRefresh() throws Exception {
        try (FakeAuthorizationServer server = new FakeAuthorizationServer()) {
            FakeAuthorizationServer.Minted minted = server.mint();
            new TokenStore(home, Duration.ofSeconds(30)).write("default", Logins.login(server.issuer(), minted.accessToken(),
                    minted.refreshToken(), Instant.now().plusSeconds(300)));
            List<Process> racers = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                racers.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                        System.getProperty("java.class.path"), RefreshForever.class.getName(), home.toString(), server.issuer(), "1")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
            }
            for (Process racer : racers) {
                assertThat(racer.waitFor(5, TimeUnit.MINUTES)).isTrue();
                assertThat(racer.exitValue()).isZero();
            }

            List<String> lines = Files.readAllLines(home.resolve("log/lifecycle.jsonl"));
            assertThat(server.refreshes()).hasSize(RACERS);
            assertThat(lines).hasSize(RACERS).allSatisfy(line -> assertThat(JsonObject.parse(line).asMap())
                    .containsEntry("event", "refresh").containsEntry("rotated", true));
            String log = String.join("\n", lines);
            server.issuedSecrets().forEach(secret -> assertThat(log).doesNotContain(secret));
        }
    }
}
