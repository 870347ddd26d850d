package dev.jlogin.session;

import dev.jlogin.browser.BrowserLauncher;
import dev.jlogin.device.DeviceAuthorization;
import dev.jlogin.device.Sleeper;
import dev.jlogin.oauth.TokenResult;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * What a login tells the person in front of it. The device flow: the code and links once the
 * server has issued them (the device code itself prints as {@code [redacted]}), then each poll's
 * result. The browser flow: the link, and whether a browser was opened on it. The commands render
 * this as their waiting screen; {@link #printing(PrintStream)} is a plain one.
 */
public interface LoginListener {

    /**
     * The server issued a code at {@code issuedAt}; it expires {@code authorization.expiresIn()}
     * later. Every string in {@code authorization} is server text: sanitise it before showing it.
     */
    void codeReady(DeviceAuthorization authorization, Instant issuedAt);

    /**
     * The browser login's link is ready and {@code opened} says whether a browser was opened on
     * it; the login waits for the browser to come back until {@code deadline}. The link holds no
     * secret (the state and PKCE challenge only), so it may be shown; where no browser was opened
     * the person must be shown it. The default shows nothing.
     */
    default void browserReady(URI link, BrowserLauncher.Outcome opened, Instant deadline) {
    }

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
