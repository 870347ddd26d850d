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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The device flow as a command runs it, from code to stored tokens: the prompt goes to stderr
 * (stdout belongs to the command's result), the browser is opened unless told not to, and with
 * {@code jsonEvents} a line announces the code on stdout for tools that wrap a login.
 */
final class DeviceLogin {
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
        DeviceAuthorization authorization = new DeviceAuthorizationClient(ctx.http())
                .request(metadata.deviceAuthorizationEndpoint(), settings.client(), settings.scope().orElse(null),
                        settings.parameters());
        Instant issuedAt = ctx.env().clock().instant();
        announce(authorization, issuedAt);

        DevicePoller poller = new DevicePoller(ctx.tokenEndpoint(), ctx.env().clock(), ctx.env().sleeper(),
                ctx.args().has("verbose") ? (result, next) -> ctx.say("* poll: " + describe(result)
                        + "; next poll in " + Format.span(next)) : DevicePoller.Listener.NONE);
        PollOutcome outcome;
        try {
            outcome = poller.poll(metadata.tokenEndpoint(), settings.client(), authorization, issuedAt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JLoginException(JLoginException.Kind.EXPIRED, "login interrupted");
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
            throw new JLoginException(JLoginException.Kind.SERVER, "login failed: " + failed.error().summary());
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

    private void announce(DeviceAuthorization authorization, Instant issuedAt) {
        Instant expiresAt = issuedAt.plus(authorization.expiresIn()).truncatedTo(ChronoUnit.SECONDS);
        String code = Terminal.sanitize(authorization.userCode());
        String link = Terminal.sanitize(authorization.verificationUri().toString());
        ctx.say("To log in, open " + link + " and enter the code: " + code);
        authorization.verificationUriComplete().ifPresent(u ->
                ctx.say("Or open this link, which has the code filled in: " + Terminal.sanitize(u.toString())));
        if (openBrowser && ctx.env().browser().open(authorization.linkToOpen())) {
            ctx.say("(A browser window was opened for you.)");
        }
        ctx.say("Waiting for approval; the code expires in " + Format.span(authorization.expiresIn()) + " (at " + expiresAt + ").");
        if (jsonEvents) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("status", "pending");
            event.put("user_code", code);
            event.put("verification_uri", link);
            authorization.verificationUriComplete().ifPresent(u -> event.put("verification_uri_complete",
                    Terminal.sanitize(u.toString())));
            event.put("expires_at", expiresAt.toString());
            event.put("interval", authorization.interval().toSeconds());
            ctx.printJson(event);
            ctx.env().out().flush();
        }
    }
}
