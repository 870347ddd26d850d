package dev.jlogin.cli.terminal;

import dev.jlogin.device.DevicePoller;
import dev.jlogin.device.Sleeper;
import dev.jlogin.oauth.TokenResult;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a waiting login shows after the prompt. On a terminal: one line, rewritten in place every
 * second and after each poll, with the time the code has left and what the last poll said; it is
 * cleared when the wait ends, so the final message stands alone. Elsewhere (a pipe, a log): a plain
 * line only when the poll status changes, and no control codes at all.
 */
public final class StatusLine implements DevicePoller.Listener, AutoCloseable {
    private static final Duration TICK = Duration.ofSeconds(1);
    /** Carriage return, then erase to the end of the line (ECMA-48 EL). */
    private static final String REWRITE = "\r\u001b[K";
    /** Shorter than the narrowest terminal: a wrapped line could not be rewritten in place. */
    private static final int MAX_LENGTH = Format.WIDTH - 1;
    private static final String PENDING = "pending";

    private final PrintStream err;
    private final Clock clock;
    private Instant expiresAt;
    private final boolean inPlace;
    private String lastPoll = PENDING;
    private boolean polled;
    private boolean drawn;

    public StatusLine(Environment env) {
        this.err = env.err();
        this.clock = env.clock();
        this.inPlace = Terminal.controlsStderr(env);
    }

    /** The code is ready and expires at {@code expiresAt}: the countdown's end. */
    public void start(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }

    /** {@code sleeper}, but on a terminal in steps of a second, each after a fresh status line. */
    public Sleeper ticking(Sleeper sleeper) {
        if (!inPlace) {
            return sleeper;
        }
        return duration -> {
            for (Duration left = duration; left.compareTo(Duration.ZERO) > 0; left = left.minus(TICK)) {
                draw();
                sleeper.sleep(left.compareTo(TICK) < 0 ? left : TICK);
            }
        };
    }

    @Override
    public void polled(TokenResult result, Duration nextWait) {
        Optional<String> waiting = describe(result);
        if (waiting.isEmpty()) {
            // the last poll: its outcome gets a message of its own
            clear();
            return;
        }
        String status = waiting.get();
        if (inPlace) {
            // cleared now, drawn again when the next wait starts: --verbose lines in between stay whole
            clear();
        } else if (!status.equals(lastPoll)) {
            err.println("Last poll: " + status + ".");
        }
        lastPoll = status;
        polled = true;
    }

    private void draw() {
        Duration left = Duration.between(clock.instant(), expiresAt);
        String line = "Waiting for approval: " + minutesAndSeconds(left.isNegative() ? Duration.ZERO : left) + " left; "
                + (polled ? "last poll: " + lastPoll : "first poll soon");
        err.print(REWRITE + (line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH - 1) + "…" : line));
        err.flush();
        drawn = true;
    }

    private void clear() {
        if (drawn) {
            err.print(REWRITE);
            err.flush();
            drawn = false;
        }
    }

    @Override
    public void close() {
        clear();
    }

    private static String minutesAndSeconds(Duration d) {
        long s = d.getSeconds();
        return (s >= 60 ? s / 60 + "m " : "") + String.format("%02ds", s % 60);
    }

    /** What a poll that keeps the login waiting said; empty for one that ends it. */
    private static Optional<String> describe(TokenResult result) {
        if (result instanceof TokenResult.Unavailable) {
            return Optional.of("server unreachable, retrying");
        }
        String code = result instanceof TokenResult.Rejected rejected ? rejected.error().code() : "";
        return code.equals("authorization_pending") ? Optional.of(PENDING)
                : code.equals("slow_down") ? Optional.of("server asked to slow down") : Optional.empty();
    }
}
