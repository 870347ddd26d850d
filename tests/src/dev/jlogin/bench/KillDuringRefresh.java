package dev.jlogin.bench;

import dev.jlogin.store.StoredLogin;
import dev.jlogin.store.TokenStore;
import dev.jlogin.testing.FakeAuthorizationServer;
import dev.jlogin.testing.InstalledLauncher;
import dev.jlogin.testing.Logins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * How often a SIGKILL during {@code refresh} through the installed launcher lands in the one
 * window no client can close: after a rotating server has spent the old refresh token, before the
 * new one is on disk. Each trial stores a fresh login, starts {@code refresh}, kills it at a moment
 * drawn uniformly from 0 to 1.2 times the median length of an unkilled refresh, then classifies
 * the kill by what the server accepts and what the store holds: before the rotation (the old
 * token still works), in the window (the store holds the spent one), after the write (the store
 * holds the new one), or too late (the process had ended).
 *
 * <p>Run: bench/kill-during-refresh [trials] (default 300; seed printed, -Djlogin.test.seed=N repeats it).
 */
public final class KillDuringRefresh {
    private KillDuringRefresh() {
    }

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        long seed = Long.getLong("jlogin.test.seed", new Random().nextLong());
        System.out.println("kill-during-refresh: seed " + seed);
        Path home = Files.createTempDirectory("jlogin-kill-bench-");
        try (FakeAuthorizationServer server = new FakeAuthorizationServer()) {
            run(InstalledLauncher.path(), home, server, trials, new Random(seed));
        } finally {
            try (var files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(Path launcher, Path home, FakeAuthorizationServer server, int trials, Random random) throws Exception {
        server.rotateRefreshTokens(true);
        TokenStore store = new TokenStore(home, Duration.ofSeconds(30));
        List<Long> lengths = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            seed(store, server);
            long start = System.nanoTime();
            Process refresh = start(launcher, home, server);
            if (refresh.waitFor() != 0) {
                throw new IllegalStateException("refresh failed: " + new String(refresh.getErrorStream().readAllBytes()));
            }
            lengths.add(System.nanoTime() - start);
        }
        lengths.sort(null);
        long median = lengths.get(lengths.size() / 2);

        int before = 0;
        int window = 0;
        int after = 0;
        int late = 0;
        for (int i = 0; i < trials; i++) {
            String old = seed(store, server);
            Process refresh = start(launcher, home, server);
            if (refresh.waitFor((long) (random.nextDouble() * median * 1.2), TimeUnit.NANOSECONDS)) {
                late++;
                continue;
            }
            refresh.destroyForcibly(); // SIGKILL
            refresh.waitFor();
            String stored = store.read("default").flatMap(l -> l.tokens().refreshToken()).orElseThrow().reveal();
            if (server.acceptsRefreshToken(old)) {
                before++;
            } else if (stored.equals(old)) {
                window++;
            } else {
                after++;
            }
        }
        int landed = before + window + after;
        System.out.printf("refresh through the installed launcher: median %.1f ms over 10 unkilled runs%n", median / 1e6);
        System.out.printf("%d kills: %d before the rotation, %d in the window, %d after the write, %d after the end%n",
                trials, before, window, after, late);
        System.out.printf("in the window: %.1f %% of the kills that landed while refresh ran; %.1f %% of those after the"
                + " server rotated%n", 100.0 * window / Math.max(1, landed), 100.0 * window / Math.max(1, window + after));
    }

    /** A fresh login the server knows; returns its refresh token. */
    private static String seed(TokenStore store, FakeAuthorizationServer server) {
        FakeAuthorizationServer.Minted minted = server.mint();
        StoredLogin login = Logins.login(server.issuer(), minted.accessToken(), minted.refreshToken(), Instant.now().plusSeconds(300));
        try (var lock = store.lock("default")) {
            store.write("default", login);
        }
        return minted.refreshToken();
    }

    private static Process start(Path launcher, Path home, FakeAuthorizationServer server) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "refresh").redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(k -> k.startsWith("JLOGIN_"));
        builder.environment().put("JLOGIN_HOME", home.toString());
        builder.environment().put("JLOGIN_ISSUER", server.issuer());
        builder.environment().put("JLOGIN_CLIENT_ID", "cli");
        return builder.start();
    }
}
