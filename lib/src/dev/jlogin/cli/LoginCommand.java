package dev.jlogin.cli;

import dev.jlogin.JLoginException;
import dev.jlogin.config.Settings;
import dev.jlogin.device.DevicePoller;
import dev.jlogin.device.PollOutcome;
import dev.jlogin.oauth.DeviceAuthorization;
import dev.jlogin.oauth.DeviceAuthorizationClient;
import dev.jlogin.oauth.ServerMetadata;
import dev.jlogin.oauth.TokenResult;
import dev.jlogin.oauth.UserInfoClient;
import dev.jlogin.session.Identity;
import dev.jlogin.session.IdentityLookup;
import dev.jlogin.store.ProfileLock;
import dev.jlogin.store.StoredLogin;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code login}: the device flow, from code to stored tokens. */
public final class LoginCommand implements Command {

    @Override
    public String name() {
        return "login";
    }

    @Override
    public String usage() {
        return String.join("\n",
                "Usage: login [options]",
                "Logs in with the OAuth 2.0 device flow: shows a code and a link (on stderr), waits while you",
                "approve in a browser, and stores the tokens in the profile. Prints who logged in, never a token.",
                "  --no-browser             do not try to open the link in a browser",
                "With --json, stdout gets one JSON line when the code is ready (user_code, verification_uri,",
                "verification_uri_complete, expires_at) and one with the outcome.");
    }

    @Override
    public Set<String> switches() {
        return Set.of("no-browser");
    }

    @Override
    public ExitCode run(Context ctx) {
        Settings settings = ctx.settings();
        ServerMetadata metadata = ctx.metadata().resolve(settings);
        DeviceAuthorization authorization = new DeviceAuthorizationClient(ctx.http())
                .request(metadata.deviceAuthorizationEndpoint(), settings.client(), settings.scope().orElse(null),
                        settings.parameters());
        Instant issuedAt = ctx.env().clock().instant();
        announce(ctx, authorization, issuedAt);

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
            throw new JLoginException(JLoginException.Kind.EXPIRED, expired.reason() + "; run login again");
        }
        if (outcome instanceof PollOutcome.Failed failed) {
            throw new JLoginException(JLoginException.Kind.SERVER, "login failed: " + failed.error().summary());
        }
        StoredLogin login = StoredLogin.of(settings, ((PollOutcome.Approved) outcome).tokens());
        try (ProfileLock lock = ctx.store().lock(settings.profile())) {
            ctx.store().write(settings.profile(), login);
        }
        report(ctx, settings, metadata, login);
        return ExitCode.OK;
    }

    private static String describe(TokenResult result) {
        if (result instanceof TokenResult.Rejected rejected) {
            return Terminal.sanitize(rejected.error().code());
        }
        return result instanceof TokenResult.Unavailable unavailable ? "unavailable (" + Terminal.sanitize(unavailable.reason()) + ")"
                : "granted";
    }

    private static void announce(Context ctx, DeviceAuthorization authorization, Instant issuedAt) {
        Instant expiresAt = issuedAt.plus(authorization.expiresIn()).truncatedTo(ChronoUnit.SECONDS);
        String code = Terminal.sanitize(authorization.userCode());
        String link = Terminal.sanitize(authorization.verificationUri().toString());
        ctx.say("To log in, open " + link + " and enter the code: " + code);
        authorization.verificationUriComplete().ifPresent(u ->
                ctx.say("Or open this link, which has the code filled in: " + Terminal.sanitize(u.toString())));
        if (!ctx.args().has("no-browser") && ctx.env().browser().open(authorization.linkToOpen())) {
            ctx.say("(A browser window was opened for you.)");
        }
        ctx.say("Waiting for approval; the code expires in " + Format.span(authorization.expiresIn()) + " (at " + expiresAt + ").");
        if (ctx.json()) {
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

    private static void report(Context ctx, Settings settings, ServerMetadata metadata, StoredLogin login) {
        Identity identity;
        try {
            identity = new IdentityLookup(new UserInfoClient(ctx.http())).lookup(metadata, login.tokens());
        } catch (JLoginException e) {
            ctx.say("warning: logged in, but could not look up who: " + Terminal.sanitize(e.getMessage()));
            identity = Identity.unknown();
        }
        if (ctx.json()) {
            Map<String, Object> result = WhoamiCommand.describe(settings.profile(), login, identity, ctx.env().clock().instant());
            result.put("status", "logged_in");
            ctx.printJson(result);
        } else {
            ctx.env().out().println("Logged in to " + Terminal.sanitize(settings.describeServer()) + " as "
                    + Terminal.sanitize(identity.display()) + " (profile '" + settings.profile() + "').");
        }
    }
}
