package dev.jlogin.cli;

import dev.jlogin.JLoginException;
import dev.jlogin.config.Settings;
import dev.jlogin.device.DevicePoller;
import dev.jlogin.device.PollOutcome;
import dev.jlogin.oauth.DeviceAuthorization;
import dev.jlogin.oauth.DeviceAuthorizationClient;
import dev.jlogin.oauth.ServerMetadata;
import dev.jlogin.oauth.TokenResult;
import dev.jlogin.session.TokenManager;
import dev.jlogin.store.ProfileLock;
import dev.jlogin.store.StoredLogin;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The device flow as a command runs it, from code to stored tokens: the prompt goes to stderr
 * (stdout belongs to the command's result), the browser is opened unless told not to, and with
 * {@code jsonEvents} a line announces the code on stdout for tools that wrap a login.
 */
final class DeviceLogin {
    /** The narrowest common terminal: no line of ours is longer, so none is broken mid-word. */
    static final int WIDTH = 80;
    private final Context ctx;
    private final boolean openBrowser;
    private final boolean jsonEvents;

    DeviceLogin(Context ctx, boolean openBrowser, boolean jsonEvents) {
        this.ctx = ctx;
        this.openBrowser = openBrowser;
        this.jsonEvents = jsonEvents;
    }

    StoredLogin run(Settings settings, ServerMetadata metadata) {
        // a store that cannot take the tokens is found before the user approves anything
        try (ProfileLock lock = ctx.store().lock(settings.profile())) {
            ctx.store().checkWritable(settings.profile());
        }
        DeviceAuthorization authorization = new DeviceAuthorizationClient(ctx.http(), settings.provider().dialect())
                .request(metadata.deviceAuthorizationEndpoint(), settings.client(), settings.scope().orElse(null),
                        settings.parameters());
        Instant issuedAt = ctx.env().clock().instant();
        PollOutcome outcome;
        try (CancelOnInterrupt cancel = new CancelOnInterrupt()) {
            announce(authorization, issuedAt, settings);
            DevicePoller poller = new DevicePoller(ctx.tokenEndpoint(settings), ctx.env().clock(), ctx.env().sleeper(),
                    ctx.args().has("verbose") ? (result, next) -> ctx.say("* poll: " + describe(result)
                            + "; next poll in " + Format.span(next)) : DevicePoller.Listener.NONE);
            try {
                outcome = poller.poll(metadata.tokenEndpoint(), settings.client(), authorization, issuedAt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (cancel.cancelled()) {
                    throw new JLoginException(JLoginException.Kind.CANCELLED, "login cancelled");
                }
                throw new JLoginException(JLoginException.Kind.EXPIRED, "login interrupted");
            }
        }
        if (outcome instanceof PollOutcome.Denied denied) {
            throw new JLoginException(JLoginException.Kind.DENIED, "the login request was denied"
                    + denied.error().description().map(d -> " (" + d + ")").orElse(""));
        }
        if (outcome instanceof PollOutcome.Expired expired) {
            throw new JLoginException(JLoginException.Kind.EXPIRED, expired.reason() + "; run "
                    + Invocation.of(ctx.env().properties()).command("login") + " again");
        }
        if (outcome instanceof PollOutcome.Failed failed) {
            // the poll's HTTP status is not kept: only invalid_client means "not authenticated" for sure
            String hint = settings.client().refusalHint(failed.error(), 0);
            boolean configuration = !hint.isEmpty() || settings.provider().dialect().blamesConfiguration(failed.error());
            throw new JLoginException(configuration ? JLoginException.Kind.CONFIGURATION : JLoginException.Kind.SERVER,
                    "login failed: " + settings.provider().dialect().explain(failed.error()) + hint);
        }
        StoredLogin login = StoredLogin.of(settings, ((PollOutcome.Approved) outcome).tokens());
        try (ProfileLock lock = ctx.store().lock(settings.profile())) {
            ctx.store().write(settings.profile(), login);
        } catch (JLoginException e) {
            if (e.kind() != JLoginException.Kind.STORE) {
                throw e;
            }
            throw new JLoginException(JLoginException.Kind.STORE, e.getMessage() + "; "
                    + TokenManager.keep(ctx.store(), settings.profile(), login, "the login was approved"));
        }
        return login;
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
     * where styling is allowed), every sentence wrapped at spaces to {@link #WIDTH} columns, the
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
            BrowserLauncher.Outcome browser = Terminal.sanitizeWhole(toOpen.toString()).equals(toOpen.toString())
                    ? ctx.env().browser().open(toOpen)
                    : BrowserLauncher.Outcome.notOpened("the link holds characters that cannot be shown as they are");
            sayWrapped(browser.opened() ? "(A browser window was opened for you.)"
                    : "(No browser was opened: " + browser.reason() + ".)");
        }
        sayWrapped("Waiting for approval; the code expires in " + Format.span(authorization.expiresIn())
                + " (at " + expiresAt + ").");
        if (jsonEvents) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("status", "pending");
            event.put("user_code", code);
            event.put("verification_uri", link);
            complete.ifPresent(c -> event.put("verification_uri_complete", c));
            event.put("expires_at", expiresAt.toString());
            event.put("interval", authorization.interval().toSeconds());
            authorization.message().ifPresent(m -> event.put("message", Terminal.sanitize(m)));
            ctx.printJson(event);
            ctx.env().out().flush();
        }
    }

    private void sayWrapped(String sentence) {
        Format.wrap(sentence, WIDTH).forEach(ctx::say);
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
