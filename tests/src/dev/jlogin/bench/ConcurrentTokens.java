package dev.jlogin.bench;

import dev.jlogin.sandbox.TempFolders;
import dev.jlogin.store.TokenStore;
import dev.jlogin.testing.FakeAuthorizationServer;
import dev.jlogin.testing.JBang;
import dev.jlogin.testing.Logins;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * N concurrent {@code token} processes (through the catalog) for one profile whose access token
 * has expired, against the in-process fake server that counts refresh requests: reports the
 * refresh count (must be 1), failures (must be 0), and the wall time against one {@code token} call.
 *
 * <p>Run: bench/concurrent-token [processes]
 */
public final class ConcurrentTokens {
    public static void main(String[] args) throws Exception {
        int processes = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        Path home = TempFolders.create(System.getenv(), "jlogin-bench-");
        try (FakeAuthorizationServer server = new FakeAuthorizationServer()) {
            JBang jbang = new JBang(home, Map.of("JLOGIN_ISSUER", server.issuer(), "JLOGIN_CLIENT_ID", "cli"));
            String token = "token@" + JBang.CATALOG;
            jbang.run(token, "--help"); // compile outside the measurement

            expire(home, server);
            long single = System.nanoTime();
            int singleExit = jbang.run(token).exit();
            double singleMillis = (System.nanoTime() - single) / 1e6;
            int refreshesBefore = server.refreshes().size();

            expire(home, server);
            long start = System.nanoTime();
            List<JBang.Running> running = new ArrayList<>();
            for (int i = 0; i < processes; i++) {
                running.add(jbang.start(token));
            }
            long failures = running.stream().map(JBang.Running::await).filter(r -> r.exit() != 0).count();
            double allMillis = (System.nanoTime() - start) / 1e6;

            System.out.printf("one token call with an expired token: %.0f ms (exit %d)%n", singleMillis, singleExit);
            System.out.printf("%d concurrent token calls, one expired token: %.0f ms in all (%.1f x one call); "
                            + "refresh requests: %d; failures: %d%n", processes, allMillis, allMillis / singleMillis,
                    server.refreshes().size() - refreshesBefore, failures);
        } finally {
            TempFolders.delete(home);
        }
    }

    /** Stores a valid token pair whose access token has just expired. */
    private static void expire(Path home, FakeAuthorizationServer server) {
        FakeAuthorizationServer.Minted minted = server.mint();
        new TokenStore(home.resolve("jlogin"), Duration.ofSeconds(5)).write("default",
                Logins.login(server.issuer(), minted.accessToken(), minted.refreshToken(), Instant.now().minusSeconds(1)));
    }
}
