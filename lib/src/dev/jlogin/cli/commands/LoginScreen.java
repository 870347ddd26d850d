package dev.jlogin.cli.commands;

import dev.jlogin.Host;
import dev.jlogin.browser.BrowserLauncher;
import dev.jlogin.cli.Context;
import dev.jlogin.cli.terminal.CancelOnInterrupt;
import dev.jlogin.cli.terminal.Clipboard;
import dev.jlogin.cli.terminal.Format;
import dev.jlogin.cli.terminal.QrCodeText;
import dev.jlogin.cli.terminal.StatusLine;
import dev.jlogin.cli.terminal.Terminal;
import dev.jlogin.config.Settings;
import dev.jlogin.device.DeviceAuthorization;
import dev.jlogin.device.Sleeper;
import dev.jlogin.oauth.ServerMetadata;
import dev.jlogin.oauth.TokenResult;
import dev.jlogin.session.Login;
import dev.jlogin.session.LoginListener;
import dev.jlogin.store.StoredLogin;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A login as a command shows it: the library does the login (in a browser, or with the device
 * flow), this renders it. The prompt goes to stderr (stdout belongs to the command's result), the
 * device flow's browser is opened unless told not to, and with {@code jsonEvents} a line announces
 * the link (and code) on stdout for tools that wrap a login.
 */
final class LoginScreen {
    /** Why a link is neither opened nor drawn: a person could not check what it leads to. */
    private static final String UNSHOWABLE_LINK = "the link holds characters that cannot be shown as they are";
    private final Context ctx;
    private final boolean openBrowser;
    private final boolean jsonEvents;

    LoginScreen(Context ctx, boolean openBrowser, boolean jsonEvents) {
        this.ctx = ctx;
        this.openBrowser = openBrowser;
        this.jsonEvents = jsonEvents;
    }

    /** Logs in through the library with this screen as its listener; Ctrl-C cancels it (exit 130). */
    Login login(Settings settings) {
        return rendering(settings, listener -> ctx.api().login(settings, listener));
    }

    /** A login at a server already resolved: the stored login, for a command that needs its tokens. */
    StoredLogin run(Settings settings, ServerMetadata metadata) {
        return rendering(settings, listener -> ctx.api().newLogin(settings, metadata, listener));
    }

    private <T> T rendering(Settings settings, Function<LoginListener, T> flow) {
        try (CancelOnInterrupt cancel = new CancelOnInterrupt(); StatusLine status = new StatusLine(ctx.env())) {
            return flow.apply(new LoginListener() {
                @Override
                public void codeReady(DeviceAuthorization authorization, Instant issuedAt) {
                    announce(authorization, issuedAt, settings);
                    status.start(issuedAt.plus(authorization.expiresIn()));
                }

                @Override
                public void browserReady(URI link, BrowserLauncher.Outcome opened, Instant deadline) {
                    announceBrowser(link, opened, deadline);
                }

                @Override
                public Sleeper pacing(Sleeper sleeper) {
                    return status.ticking(sleeper);
                }

                @Override
                public void polled(TokenResult result, Duration nextWait) {
                    status.polled(result, nextWait);
                    if (ctx.args().has("verbose")) {
                        ctx.say("* poll: " + describe(result) + "; next poll in " + Format.span(nextWait));
                    }
                }
            });
        }
    }

    private static String describe(TokenResult result) {
        if (result instanceof TokenResult.Rejected rejected) {
            return Terminal.sanitize(rejected.error().code());
        }
        return result instanceof TokenResult.Unavailable unavailable ? "unavailable (" + Terminal.sanitize(unavailable.reason()) + ")"
                : "granted";
    }

    /**
     * The waiting screen, on stderr: each link and the code on a line of its own (the code bold
     * where styling is allowed), every sentence wrapped at spaces to {@link Format#WIDTH} columns, the
     * hosts the links lead to, and a warning for a host that is not the one being logged in to.
     */
    private void announce(DeviceAuthorization authorization, Instant issuedAt, Settings settings) {
        Instant expiresAt = issuedAt.plus(authorization.expiresIn()).truncatedTo(ChronoUnit.SECONDS);
        String code = Terminal.sanitizeWhole(authorization.userCode());
        String link = Terminal.sanitizeWhole(authorization.verificationUri().toString());
        Optional<String> complete = authorization.verificationUriComplete().map(u -> Terminal.sanitizeWhole(u.toString()));
        String host = authorization.verificationUri().getHost();
        sayWrapped("To log in, open this link in a browser (it is on " + host + "):");
        ctx.say("  " + link);
        ctx.say("and enter this code, but only if you just started this login on this machine:");
        ctx.say("  " + Terminal.bold(code, Terminal.stylesStderr(ctx.env())));
        if (ctx.args().has("copy")) {
            // the user code only: the device code is a secret
            sayWrapped(Clipboard.copy(code, ctx.env().variables()).map(why -> "(The code was not copied: " + why + ".)")
                    .orElse("Copied the code to the clipboard."));
        }
        Set<String> hosts = new LinkedHashSet<>(Set.of(host));
        authorization.verificationUriComplete().ifPresent(u -> {
            hosts.add(u.getHost());
            sayWrapped("Or open this link" + (u.getHost().equals(host) ? "" : " (it is on " + u.getHost() + ")")
                    + ", which has the code filled in:");
            ctx.say("  " + complete.get());
        });
        Optional<String> loginHost = host(settings.describeServer());
        loginHost.ifPresent(expected -> hosts.stream().filter(h -> !h.equalsIgnoreCase(expected))
                .filter(h -> !settings.provider().verificationHost(h)).forEach(h ->
                sayWrapped("Warning: " + h + " is not " + expected + ", the server you log in to; do not enter"
                        + " the code unless your organisation told you to expect " + h + ".")));
        if (openBrowser) {
            URI toOpen = authorization.linkToOpen();
            BrowserLauncher.Outcome browser = showable(toOpen)
                    ? ctx.env().browser().get().open(toOpen) : BrowserLauncher.Outcome.notOpened(UNSHOWABLE_LINK);
            sayWrapped(browser.opened() ? "(A browser window was opened for you.)"
                    : "(No browser was opened: " + browser.reason() + ".)");
        }
        if (wantsQrCode()) {
            showQrCode(authorization.linkToOpen());
        }
        sayWrapped("Waiting for approval; the code expires in " + Format.span(authorization.expiresIn())
                + " (at " + expiresAt + ").");
        if (jsonEvents) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("status", "pending");
            event.put("flow", "device");
            event.put("user_code", code);
            event.put("verification_uri", link);
            complete.ifPresent(c -> event.put("verification_uri_complete", c));
            event.put("expires_at", Format.timestamp(expiresAt));
            event.put("interval", authorization.interval().toSeconds());
            authorization.message().ifPresent(m -> event.put("message", Terminal.sanitize(m)));
            ctx.printJson(event);
            ctx.env().out().flush();
        }
    }

    /**
     * The browser login's screen: the link only where no browser was opened, or as a fallback
     * (it holds the state and PKCE challenge, no secret), and what the login waits for.
     */
    private void announceBrowser(URI link, BrowserLauncher.Outcome opened, Instant deadline) {
        String shown = Terminal.sanitizeWhole(link.toString());
        if (opened.opened()) {
            sayWrapped("A browser window was opened to log in to " + link.getHost() + ". If none shows, open this link:");
        } else {
            sayWrapped("To log in, open this link in a browser on this machine (it is on " + link.getHost() + "; no browser"
                    + " was opened: " + opened.reason() + "):");
        }
        ctx.say("  " + shown);
        sayWrapped("Waiting for the browser to come back, until " + deadline.truncatedTo(ChronoUnit.SECONDS)
                + " (Ctrl-C to stop; --device logs in with a code instead).");
        if (jsonEvents) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("status", "pending");
            event.put("flow", "browser");
            event.put("authorization_uri", shown);
            event.put("browser_opened", opened.opened());
            event.put("expires_at", Format.timestamp(deadline.truncatedTo(ChronoUnit.SECONDS)));
            ctx.printJson(event);
            ctx.env().out().flush();
        }
    }

    /** With --qr, or by default over SSH on a terminal, where no browser opens and a phone is at hand. */
    private boolean wantsQrCode() {
        return !ctx.args().has("no-qr")
                && (ctx.args().has("qr") || Host.overSsh(ctx.env().variables()) && ctx.env().stderrIsTerminal().getAsBoolean());
    }

    /** A QR code of the link (the pre-filled one where there is one), or one line saying why there is none. */
    private void showQrCode(URI link) {
        QrCodeText.Drawing drawing = showable(link)
                ? QrCodeText.draw(link.toString(), Format.WIDTH, QrCodeText.Palette.of(ctx.env()))
                : QrCodeText.Drawing.skipped(UNSHOWABLE_LINK);
        if (drawing.lines().isEmpty()) {
            sayWrapped("(No QR code: " + drawing.whyNot() + ".)");
        } else {
            sayWrapped("Or scan this QR code of the link:");
            drawing.lines().forEach(ctx::say);
        }
    }

    /** Whether the link shows on the screen exactly as it is: only then may it be opened or drawn. */
    private static boolean showable(URI link) {
        String text = link.toString();
        return Terminal.sanitizeWhole(text).equals(text);
    }

    private void sayWrapped(String sentence) {
        Format.wrap(sentence, Format.WIDTH).forEach(ctx::say);
    }

    /** The host of the server being logged in to (issuer, else token endpoint). */
    private static Optional<String> host(String url) {
        try {
            return Optional.ofNullable(new URI(url).getHost());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
