package dev.jlogin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jlogin.testing.FakeAuthorizationServer;
import dev.jlogin.testing.FullTier;
import dev.jlogin.testing.Logins;
import dev.jlogin.testing.RefreshForever;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer killed with SIGKILL at random points of over a hundred refresh cycles never leaves a
 * store that fails to parse, nor a torn token set: what is stored is always a complete set the
 * server issued, the old one or the new one.
 */
@FullTier
class CrashSafetyTest {
    private static final int MIN_KILLS = 30;
    private static final int MIN_CYCLES = 150;

    @TempDir
    Path home;

    @Test
    void aWriterKilledAtRandomPointsLeavesTheOldOrTheNewCompleteTokenSet() throws Exception {
        long seed = Long.getLong("jlogin.test.seed", new Random().nextLong());
        System.err.println("crash test: kill moments from seed " + seed + " (-Djlogin.test.seed to repeat)");
        Random random = new Random(seed);
        TokenStore store = new TokenStore(home, Duration.ofSeconds(30));
        int lostToTheRotationWindow = 0;
        try (FakeAuthorizationServer server = new FakeAuthorizationServer()) {
            seed(store, server);
            int kills = 0;
            while (kills < MIN_KILLS || server.refreshes().size() < MIN_CYCLES) {
                kills++;
                Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                        System.getProperty("java.class.path"), RefreshForever.class.getName(), home.toString(), server.issuer())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                int started = server.refreshes().size();
                await().atMost(Duration.ofSeconds(60)).until(() -> server.refreshes().size() > started || !writer.isAlive());
                // then a random moment of the next few cycles: during a request, the parse, the temp
                // file, the fsync or the rename
                assertThat(writer.waitFor(random.nextInt(150_000), TimeUnit.MICROSECONDS)).as("writer still running").isFalse();
                writer.destroyForcibly(); // SIGKILL
                assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();

                StoredLogin stored = store.read("default").orElseThrow(); // parses, or this throws
                String access = stored.tokens().accessToken().reveal();
                String refresh = stored.tokens().refreshToken().orElseThrow().reveal();
                assertThat(server.issuedTogether(access, refresh)).as("a complete token set the server issued").isTrue();
                if (!server.acceptsRefreshToken(refresh)) {
                    // killed after the server rotated but before the new set reached the disk: the
                    // old set is intact, but a rotating server has already spent it
                    lostToTheRotationWindow++;
                    seed(store, server);
                }
            }
            System.err.printf("crash test: %d kills over %d refresh cycles; %d landed between rotation and write%n",
                    kills, server.refreshes().size(), lostToTheRotationWindow);
        }
        store.write("default", store.read("default").orElseThrow());
        try (Stream<Path> files = Files.list(home.resolve("profiles"))) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temp files of dead writers remain")
                    .containsExactlyInAnyOrder("default.json", "default.lock");
        }
    }

    private static void seed(TokenStore store, FakeAuthorizationServer server) {
        FakeAuthorizationServer.Minted minted = server.mint();
        store.write("default", Logins.login(server.issuer(), minted.accessToken(), minted.refreshToken(),
                Instant.now().plusSeconds(300)));
    }
}
