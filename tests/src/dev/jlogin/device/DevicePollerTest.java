package dev.jlogin.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jlogin.Secret;
import dev.jlogin.http.HttpResult;
import dev.jlogin.http.HttpSender;
import dev.jlogin.http.HttpTransport;
import dev.jlogin.oauth.Client;
import dev.jlogin.oauth.TokenEndpoint;
import dev.jlogin.oauth.TokenResult;
import dev.jlogin.testing.FakeAuthorizationServer.Reply;
import dev.jlogin.testing.FakeAuthorizationServer;
import dev.jlogin.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** RFC 8628 §3.4–3.5 polling, on a simulated clock: 5-second intervals take no real time. */
class DevicePollerTest {
    private static final Client CLIENT = Client.publicClient("cli");
    private final MutableClock clock = new MutableClock();
    private final FakeAuthorizationServer server = new FakeAuthorizationServer(clock);
    private final List<Duration> waitsAfterPolls = new ArrayList<>();

    @AfterEach
    void stop() {
        server.close();
    }

    private PollOutcome poll(long expiresIn, long interval) throws InterruptedException {
        DeviceAuthorization authorization = new DeviceAuthorization(Secret.of("device-code-1"), "ABCD-EFGH",
                URI.create("https://example.com/device"), Optional.empty(), Duration.ofSeconds(expiresIn),
                Duration.ofSeconds(interval));
        DevicePoller poller = new DevicePoller(new TokenEndpoint(new HttpTransport(), clock), clock, clock.sleeper(),
                (result, next) -> waitsAfterPolls.add(next));
        return poller.poll(URI.create(server.issuer() + "/token"), CLIENT, authorization, clock.instant());
    }

    private static Reply pending() {
        return Reply.error(400, "authorization_pending");
    }

    private static Reply slowDown() {
        return Reply.error(400, "slow_down");
    }

    private static List<Duration> seconds(long... values) {
        List<Duration> list = new ArrayList<>();
        for (long v : values) {
            list.add(Duration.ofSeconds(v));
        }
        return list;
    }

    /** Seconds since the start at which each poll reached the server. */
    private List<Long> pollTimes() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        return server.polls().stream().map(r -> Duration.between(start, r.at()).getSeconds()).toList();
    }

    /**
     * An interrupt that lands during a poll's request comes back as "unavailable", and the backoff
     * that follows may reach past the code's deadline: the login was cancelled, not expired.
     */
    @Test
    void anInterruptEndsPollingAsAnInterruptEvenWhenTheNextWaitWouldPassTheDeadline() {
        server.enqueueTokenReplies(Reply.raw(503, "busy"));
        HttpTransport network = new HttpTransport();
        HttpSender interruptedDuringRequest = request -> {
            HttpResult result = network.send(request);
            Thread.currentThread().interrupt();
            return result;
        };
        DeviceAuthorization authorization = new DeviceAuthorization(Secret.of("device-code-1"), "ABCD-EFGH",
                URI.create("https://example.com/device"), Optional.empty(), Duration.ofSeconds(8), Duration.ofSeconds(5));
        DevicePoller poller = new DevicePoller(new TokenEndpoint(interruptedDuringRequest, clock), clock, clock.sleeper(),
                DevicePoller.Listener.NONE);

        try {
            assertThatThrownBy(() -> poller.poll(URI.create(server.issuer() + "/token"), CLIENT, authorization, clock.instant()))
                    .isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(server.polls()).hasSize(1);
    }

    @Test
    void waitsOneIntervalBeforeTheFirstPoll() throws Exception {
        server.approve();

        PollOutcome outcome = poll(600, 5);

        assertThat(outcome).isInstanceOf(PollOutcome.Approved.class);
        assertThat(pollTimes()).containsExactly(5L);
    }

    @Test
    void keepsPollingWhilePendingAndSendsTheDeviceCodeGrant() throws Exception {
        server.enqueueTokenReplies(pending(), pending());
        server.approve();

        PollOutcome outcome = poll(600, 5);

        assertThat(outcome).isInstanceOf(PollOutcome.Approved.class);
        assertThat(pollTimes()).containsExactly(5L, 10L, 15L);
        assertThat(server.polls()).allSatisfy(r -> {
            assertThat(r.form()).containsEntry("device_code", "device-code-1").containsEntry("client_id", "cli");
            assertThat(r.form()).doesNotContainKey("client_secret");
        });
    }

    @Test
    void slowDownAddsFiveSecondsToThisAndEveryLaterPoll() throws Exception {
        server.enqueueTokenReplies(pending(), slowDown(), pending(), slowDown(), pending());
        server.approve();

        poll(600, 5);

        assertThat(pollTimes()).containsExactly(5L, 10L, 20L, 30L, 45L, 60L);
        assertThat(clock.sleeps()).isEqualTo(seconds(5, 5, 10, 10, 15, 15));
    }

    @Test
    void slowDownTakesTheServersIntervalWhenLarger() throws Exception {
        server.enqueueTokenReplies(Reply.json(400, Map.of("error", "slow_down", "interval", 30)), pending());
        server.approve();

        poll(600, 5);

        assertThat(clock.sleeps()).isEqualTo(seconds(5, 30, 30));
    }

    @Test
    void slowDownIgnoresAServerIntervalThatIsSmaller() throws Exception {
        server.enqueueTokenReplies(Reply.json(400, Map.of("error", "slow_down", "interval", 2)));
        server.approve();

        poll(600, 5);

        assertThat(clock.sleeps()).isEqualTo(seconds(5, 10));
    }

    @Test
    void accessDeniedStops() throws Exception {
        server.enqueueTokenReplies(pending());
        server.deny();

        PollOutcome outcome = poll(600, 5);

        assertThat(outcome).isInstanceOf(PollOutcome.Denied.class);
        assertThat(server.polls()).hasSize(2);
    }

    @Test
    void entraAuthorizationDeclinedIsADenial() throws Exception {
        server.enqueueTokenReplies(Reply.error(400, "authorization_declined"));

        assertThat(poll(600, 5)).isInstanceOf(PollOutcome.Denied.class);
    }

    @Test
    void expiredTokenStops() throws Exception {
        server.enqueueTokenReplies(pending(), Reply.error(400, "expired_token"));

        assertThat(poll(600, 5)).isInstanceOf(PollOutcome.Expired.class);
        assertThat(server.polls()).hasSize(2);
    }

    @Test
    void anyOtherErrorStopsWithThatError() throws Exception {
        server.enqueueTokenReplies(Reply.json(400, Map.of("error", "invalid_grant", "error_description", "code used")));

        PollOutcome outcome = poll(600, 5);

        assertThat(outcome).isInstanceOfSatisfying(PollOutcome.Failed.class,
                f -> assertThat(f.error().summary()).isEqualTo("invalid_grant: code used"));
    }

    @Test
    void stopsAtTheLocalDeadlineEvenIfTheServerKeepsSayingPending() throws Exception {
        PollOutcome outcome = poll(22, 5);

        assertThat(outcome).isInstanceOf(PollOutcome.Expired.class);
        assertThat(pollTimes()).containsExactly(5L, 10L, 15L, 20L);
        assertThat(clock.instant()).isBefore(Instant.parse("2026-01-01T00:00:22Z"));
    }

    @Test
    void aDeadlineShorterThanOneIntervalMeansNoPollAtAll() throws Exception {
        assertThat(poll(3, 5)).isInstanceOf(PollOutcome.Expired.class);
        assertThat(server.polls()).isEmpty();
    }

    @Test
    void serverErrorsAndRateLimitsBackOffWithoutEndingTheLogin() throws Exception {
        server.enqueueTokenReplies(Reply.raw(503, "<html>busy</html>"), Reply.raw(502, ""),
                Reply.error(429, "too_many_requests").withHeader("Retry-After", "17"), pending(),
                Reply.raw(429, "").withHeader("Retry-After", "2"));
        server.approve();

        PollOutcome outcome = poll(600, 5);

        assertThat(outcome).isInstanceOf(PollOutcome.Approved.class);
        // 5 s first; doubling per failure in a row (Retry-After 17 is shorter than the 20 s backoff); back to
        // the interval after a real answer; a short Retry-After never undercuts the interval
        assertThat(clock.sleeps()).isEqualTo(seconds(5, 5, 10, 20, 5, 5));
    }

    @Test
    void aServerThatCannotBeReachedIsRetriedUntilTheDeadline() throws Exception {
        server.close();

        PollOutcome outcome = poll(60, 5);

        assertThat(outcome).isInstanceOf(PollOutcome.Expired.class);
        assertThat(waitsAfterPolls).isEqualTo(seconds(5, 10, 20, 40));
        assertThat(clock.sleeps()).allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofSeconds(5)));
    }

    @Test
    void readsAnErrorSentWithStatus200AsGitHubDoes() throws Exception {
        server.enqueueTokenReplies(Reply.json(200, Map.of("error", "authorization_pending")),
                Reply.json(200, Map.of("error", "slow_down", "interval", 10)));
        server.approve();

        poll(900, 5);

        assertThat(clock.sleeps()).isEqualTo(seconds(5, 5, 10));
    }

    @Test
    void neverPollsFasterThanTheCurrentInterval() throws Exception {
        server.enqueueTokenReplies(pending(), slowDown(), Reply.raw(500, ""), pending(), slowDown(), pending());
        server.approve();

        poll(600, 5);

        List<Long> times = pollTimes();
        long interval = 5;
        for (int i = 1; i < times.size(); i++) {
            if (i >= 2) {
                interval = 10;
            }
            if (i >= 5) {
                interval = 15;
            }
            assertThat(times.get(i) - times.get(i - 1)).as("gap before poll %d", i + 1).isGreaterThanOrEqualTo(interval);
        }
    }

    @Test
    void theTokenArrivesWithTheFirstPollAfterApproval() throws Exception {
        server.enqueueTokenReplies(pending(), pending());
        DeviceAuthorization authorization = new DeviceAuthorization(Secret.of("dc"), "ABCD", URI.create("https://e/d"),
                Optional.empty(), Duration.ofSeconds(600), Duration.ofSeconds(5));
        // approve 2 s after the second poll: the very next poll (3 s later) must bring the token
        DevicePoller poller = new DevicePoller(new TokenEndpoint(new HttpTransport(), clock), clock, d -> {
            clock.advance(d);
            if (server.polls().size() == 2) {
                server.approve();
            }
        }, DevicePoller.Listener.NONE);

        PollOutcome outcome = poller.poll(URI.create(server.issuer() + "/token"), CLIENT, authorization, clock.instant());

        assertThat(outcome).isInstanceOf(PollOutcome.Approved.class);
        assertThat(pollTimes()).containsExactly(5L, 10L, 15L);
    }

    @Test
    void backoffIsCappedAndRespectsRetryAfter() {
        TokenResult.Unavailable plain = new TokenResult.Unavailable("HTTP 503", Optional.empty());
        assertThat(DevicePoller.backoff(Duration.ofSeconds(5), 1, plain)).isEqualTo(Duration.ofSeconds(5));
        assertThat(DevicePoller.backoff(Duration.ofSeconds(5), 4, plain)).isEqualTo(Duration.ofSeconds(40));
        assertThat(DevicePoller.backoff(Duration.ofSeconds(5), 30, plain)).isEqualTo(Duration.ofSeconds(60));
        assertThat(DevicePoller.backoff(Duration.ofSeconds(90), 3, plain)).isEqualTo(Duration.ofSeconds(90));
        TokenResult.Unavailable later = new TokenResult.Unavailable("HTTP 429", Optional.of(Duration.ofSeconds(120)));
        assertThat(DevicePoller.backoff(Duration.ofSeconds(5), 1, later)).isEqualTo(Duration.ofSeconds(120));
    }
}
