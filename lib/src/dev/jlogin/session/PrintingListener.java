package dev.jlogin.session;

import dev.jlogin.ServerText;
import dev.jlogin.browser.BrowserLauncher;
import dev.jlogin.device.DeviceAuthorization;
import java.io.PrintStream;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The library's own waiting screen, for JShell and scripts: the sentences of the login command's
 * screen without its terminal styling, browser or JSON events. Server text is sanitised.
 */
final class PrintingListener implements LoginListener {
    private final PrintStream out;

    PrintingListener(PrintStream out) {
        this.out = out;
    }

    @Override
    public void codeReady(DeviceAuthorization authorization, Instant issuedAt) {
        out.println("To log in, open this link in a browser (it is on "
                + ServerText.sanitize(String.valueOf(authorization.verificationUri().getHost())) + "):");
        out.println("  " + ServerText.sanitizeWhole(authorization.verificationUri().toString()));
        out.println("and enter this code, but only if you just started this login on this machine:");
        out.println("  " + ServerText.sanitizeWhole(authorization.userCode()));
        authorization.verificationUriComplete().ifPresent(u -> {
            out.println("Or open this link, which has the code filled in:");
            out.println("  " + ServerText.sanitizeWhole(u.toString()));
        });
        out.println("Waiting for approval; the code expires at "
                + issuedAt.plus(authorization.expiresIn()).truncatedTo(ChronoUnit.SECONDS) + ".");
        out.flush();
    }

    @Override
    public void browserReady(URI link, BrowserLauncher.Outcome opened, Instant deadline) {
        out.println(opened.opened() ? "A browser was opened to log in; if it shows nothing, open this link:"
                : "To log in, open this link in a browser on this machine (" + ServerText.sanitize(opened.reason()) + "):");
        out.println("  " + ServerText.sanitizeWhole(link.toString()));
        out.println("Waiting for the browser until " + deadline.truncatedTo(ChronoUnit.SECONDS) + ".");
        out.flush();
    }
}
