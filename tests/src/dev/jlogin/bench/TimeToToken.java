package dev.jlogin.bench;

import dev.jlogin.device.DevicePoller;
import dev.jlogin.device.PollOutcome;
import dev.jlogin.device.Sleeper;
import dev.jlogin.http.HttpTransport;
import dev.jlogin.oauth.Client;
import dev.jlogin.oauth.DeviceAuthorization;
import dev.jlogin.oauth.DeviceAuthorizationClient;
import dev.jlogin.oauth.TokenEndpoint;
import dev.jlogin.testing.FakeAuthorizationServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Time from approval to tokens in hand, with real waits, against the fake server with a 1 s
 * interval. The approval lands at a random moment of the
 * polling cycle; the RFC-bound is one interval plus one round trip.
 *
 * <p>Run: bench/time-to-token [runs]
 */
public final class TimeToToken {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Random random = new Random(42);
        List<Double> millis = new ArrayList<>();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        HttpTransport http = new HttpTransport();
        for (int i = 0; i < runs; i++) {
            try (FakeAuthorizationServer server = new FakeAuthorizationServer()) {
                Client client = Client.publicClient("bench");
                DeviceAuthorization auth = new DeviceAuthorizationClient(http)
                        .request(URI.create(server.issuer() + "/device"), client, "openid", Map.of());
                long[] approvedAt = new long[1];
                long delayMicros = 1_500_000L + random.nextInt(2_000_000);
                scheduler.schedule(() -> {
                    approvedAt[0] = System.nanoTime();
                    server.approve();
                }, delayMicros, TimeUnit.MICROSECONDS);
                PollOutcome outcome = new DevicePoller(new TokenEndpoint(http, Clock.systemUTC()), Clock.systemUTC(),
                        Sleeper.REAL, DevicePoller.Listener.NONE)
                        .poll(URI.create(server.issuer() + "/token"), client, auth, Clock.systemUTC().instant());
                long done = System.nanoTime();
                if (!(outcome instanceof PollOutcome.Approved)) {
                    throw new IllegalStateException("login did not succeed: " + outcome);
                }
                millis.add((done - approvedAt[0]) / 1e6);
            }
        }
        scheduler.shutdownNow();
        Collections.sort(millis);
        System.out.printf("time-to-token after approval, interval 1 s, %d runs: min %.0f ms, median %.0f ms, max %.0f ms%n",
                runs, millis.get(0), millis.get(runs / 2), millis.get(runs - 1));
        System.out.printf("bound (one interval plus one round trip): %s%n", Duration.ofSeconds(1));
    }
}
