package dev.jlogin.http;

import java.time.Duration;
import java.util.Optional;

/** A completed HTTP exchange: status, the {@code Retry-After} delay if any, and the body text. */
public record HttpResult(int status, Optional<Duration> retryAfter, String body) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** 5xx and 429 say "not now", not "no": callers that can wait should retry. */
    public boolean isTransient() {
        return status >= 500 || status == 429;
    }

    @Override
    public String toString() {
        return "HttpResult[status=" + status + "]"; // the body may hold tokens
    }
}
