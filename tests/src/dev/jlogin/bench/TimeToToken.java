package dev.jlogin.bench;

import dev.jlogin.device.DeviceAuthorization;
import dev.jlogin.device.DeviceAuthorizationClient;
import dev.jlogin.device.DevicePoller;
import dev.jlogin.device.PollOutcome;
import dev.jlogin.device.Sleeper;
import dev.jlogin.http.HttpTransport;
import dev.jlogin.oauth.Client;
import dev.jlogin.oauth.Discovery;
import dev.jlogin.oauth.TokenEndpoint;
import dev.jlogin.sandbox.DemoUser;
import dev.jlogin.sandbox.DownloadProgress;
import dev.jlogin.sandbox.KeycloakDistribution;
import dev.jlogin.sandbox.KeycloakProcess;
import dev.jlogin.sandbox.SandboxRealm;
import dev.jlogin.sandbox.TempFolders;
import dev.jlogin.testing.FakeAuthorizationServer;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Time from approval to tokens in hand, with real waits: against the in-process fake server
 * (interval 1 s) or the sandbox Keycloak (interval 2 s, approved over HTTP by the demo user).
 * The approval lands at a random moment of the polling cycle; the bound is one interval plus
 * one round trip.
 *
 * <p>Run: bench/time-to-token [fake|keycloak] [runs]
 */
public final class TimeToToken {
    /** Where a login is made, and how it gets approved. */
    private record Target(String issuer, String clientId, Consumer<DeviceAuthorization> approve, Runnable stop)
            implements AutoCloseable {
        @Override
        public void close() {
            stop.run();
        }
    }

    public static void main(String[] args) throws Exception {
        boolean keycloak = args.length > 0 && args[0].equals("keycloak");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : keycloak ? 5 : 20;
        if (keycloak) {
            var home = KeycloakDistribution.fromEnvironment(System.getenv(), System.err::println,
                    new DownloadProgress(System.err, false)).home();
            var work = TempFolders.create(System.getenv(), "jlogin-bench-");
            try (KeycloakProcess server = KeycloakProcess.start(home, work, 0, System.err::println)) {
                measure("Keycloak, interval 2 s", runs, 2, () -> new Target(server.issuer(), SandboxRealm.PUBLIC_CLIENT,
                        auth -> DemoUser.alice().approve(auth.linkToOpen()), () -> { }));
            } finally {
                TempFolders.delete(work);
            }
        } else {
            measure("fake server, interval 1 s", runs, 1, () -> {
                FakeAuthorizationServer fake = new FakeAuthorizationServer();
                return new Target(fake.issuer(), "bench", auth -> fake.approve(), fake::close);
            });
        }
    }

    private static void measure(String what, int runs, int intervalSeconds, Supplier<Target> targets) throws Exception {
        Random random = new Random(42);
        List<Double> millis = new ArrayList<>();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        HttpTransport http = new HttpTransport();
        for (int i = 0; i < runs; i++) {
            try (Target target = targets.get()) {
                var metadata = new Discovery(http).discover(target.issuer());
                Client client = Client.publicClient(target.clientId());
                DeviceAuthorization auth = new DeviceAuthorizationClient(http)
                        .request(metadata.deviceAuthorizationEndpoint(), client, "openid", Map.of());
                CompletableFuture<Long> approvedAt = new CompletableFuture<>();
                long delayMillis = 1500 + random.nextInt(intervalSeconds * 1000);
                scheduler.schedule(() -> {
                    target.approve().accept(auth);
                    approvedAt.complete(System.nanoTime());
                }, delayMillis, TimeUnit.MILLISECONDS);
                PollOutcome outcome = new DevicePoller(new TokenEndpoint(http, Clock.systemUTC()), Clock.systemUTC(),
                        Sleeper.REAL, DevicePoller.Listener.NONE)
                        .poll(metadata.tokenEndpoint(), client, auth, Clock.systemUTC().instant());
                long done = System.nanoTime();
                if (!(outcome instanceof PollOutcome.Approved)) {
                    throw new IllegalStateException("login did not succeed: " + outcome);
                }
                // the demo user's last request (the confirmation page) can still be under way when
                // the token arrives: that counts as no wait at all
                millis.add(Math.max(0, done - approvedAt.get(60, TimeUnit.SECONDS)) / 1e6);
            }
        }
        scheduler.shutdownNow();
        Collections.sort(millis);
        System.out.printf("time-to-token after approval, %s, %d runs: min %.0f ms, median %.0f ms, max %.0f ms"
                + " (bound: %d s plus one round trip)%n", what, runs, millis.get(0), millis.get(runs / 2), millis.get(runs - 1),
                intervalSeconds);
    }
}
