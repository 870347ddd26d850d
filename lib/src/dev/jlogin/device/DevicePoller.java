package dev.jlogin.device;

import dev.jlogin.oauth.Client;
import dev.jlogin.oauth.OAuthError;
import dev.jlogin.oauth.TokenEndpoint;
import dev.jlogin.oauth.TokenResult;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Polls the token endpoint for a device login, following RFC 8628 §3.4–3.5 to the letter:
 * wait one interval before the first poll; {@code slow_down} adds 5 s to this and every later
 * wait (or takes the server's new interval when that is larger); never poll faster than the
 * current interval; stop at the code's expiry even if the server keeps saying pending. Transient
 * failures (no connection, 5xx, 429) back off but do not end the login.
 */
public final class DevicePoller {
    static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    /** Told about each wait, so a caller can show progress or count polls. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (result, nextWait) -> { };

        void polled(TokenResult result, Duration nextWait);
    }

    private final TokenEndpoint tokenEndpoint;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Listener listener;

    public DevicePoller(TokenEndpoint tokenEndpoint, Clock clock, Sleeper sleeper, Listener listener) {
        this.tokenEndpoint = tokenEndpoint;
        this.clock = clock;
        this.sleeper = sleeper;
        this.listener = listener;
    }

    /**
     * Polls until an outcome. {@code issuedAt} is when the device authorization response
     * arrived: the code's lifetime counts from then.
     */
    public PollOutcome poll(URI endpoint, Client client, DeviceAuthorization authorization, Instant issuedAt)
            throws InterruptedException {
        Instant deadline = issuedAt.plus(authorization.expiresIn());
        Duration interval = authorization.interval();
        Duration wait = interval;
        int failuresInARow = 0;
        while (true) {
            // an interrupt during a poll's request comes back as "unavailable": it must end the
            // login as cancelled, not wait out a backoff that could pass the deadline as "expired"
            if (Thread.interrupted()) {
                throw new InterruptedException("device login interrupted");
            }
            if (clock.instant().plus(wait).isAfter(deadline)) {
                return new PollOutcome.Expired("the code expired before the request was approved");
            }
            sleeper.sleep(wait);
            TokenResult result = tokenEndpoint.pollDeviceCode(endpoint, client, authorization.deviceCode());
            if (result instanceof TokenResult.Granted granted) {
                return new PollOutcome.Approved(granted.tokens());
            }
            if (result instanceof TokenResult.Unavailable unavailable) {
                failuresInARow++;
                wait = backoff(interval, failuresInARow, unavailable);
            } else {
                failuresInARow = 0;
                OAuthError error = ((TokenResult.Rejected) result).error();
                switch (error.code()) {
                    case "authorization_pending":
                        break;
                    case "slow_down":
                        Duration stepped = interval.plus(SLOW_DOWN_STEP);
                        interval = error.interval().map(DevicePoller::bounded).filter(i -> i.compareTo(stepped) > 0).orElse(stepped);
                        break;
                    case "access_denied":
                    case "authorization_declined":
                        return new PollOutcome.Denied(error);
                    case "expired_token":
                        return new PollOutcome.Expired("the server says the code expired");
                    default:
                        return new PollOutcome.Failed(error);
                }
                wait = interval;
            }
            listener.polled(result, wait);
        }
    }

    /** Doubles from the interval per failure in a row, capped, and never shorter than Retry-After. */
    static Duration backoff(Duration interval, int failuresInARow, TokenResult.Unavailable unavailable) {
        Duration doubled = interval.multipliedBy(1L << Math.min(failuresInARow - 1, 10));
        Duration capped = doubled.compareTo(MAX_BACKOFF) > 0 ? max(interval, MAX_BACKOFF) : doubled;
        return unavailable.retryAfter().map(r -> max(r, capped)).orElse(capped);
    }

    private static Duration bounded(Duration interval) {
        return interval.compareTo(DeviceAuthorization.MAX_INTERVAL) > 0 ? DeviceAuthorization.MAX_INTERVAL : interval;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
