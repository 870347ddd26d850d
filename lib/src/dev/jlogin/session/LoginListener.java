package dev.jlogin.session;

import dev.jlogin.device.Sleeper;
import dev.jlogin.oauth.DeviceAuthorization;
import dev.jlogin.oauth.TokenResult;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * What a device login tells the person in front of it: the code and links once the server has
 * issued them (the device code itself prints as {@code [redacted]}), then each poll's result.
 * The commands render this as their waiting screen; {@link #printing(PrintStream)} is a plain one.
 */
public interface LoginListener {

    /**
     * The server issued a code at {@code issuedAt}; it expires {@code authorization.expiresIn()}
     * later. Every string in {@code authorization} is server text: sanitise it before showing it.
     */
    void codeReady(DeviceAuthorization authorization, Instant issuedAt);

    /** A poll came back with {@code result}; the next one is in {@code nextWait}. */
    default void polled(TokenResult result, Duration nextWait) {
    }

    /**
     * How the waits between polls are slept: {@code sleeper} itself, or a listener's own steps
     * through it (a countdown redrawn every second). The waits' lengths stay the flow's.
     */
    default Sleeper pacing(Sleeper sleeper) {
        return sleeper;
    }

    /** Prints the link, the code and the expiry to {@code out}, sanitised, as the login script does. */
    static LoginListener printing(PrintStream out) {
        return new PrintingListener(out);
    }
}
