package dev.jlogin.cli;

import dev.jlogin.config.Settings;
import dev.jlogin.oauth.IdTokenCheck;
import dev.jlogin.oauth.ServerMetadata;
import dev.jlogin.oauth.UserInfoClient;
import dev.jlogin.session.Identity;
import dev.jlogin.session.IdentityLookup;
import dev.jlogin.store.StoredLogin;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code whoami}: who is logged in, where, with what scopes, until when; never a token. */
public final class WhoamiCommand implements Command {
    /** Long enough for the userinfo request to be made with a token that is still valid. */
    private static final Duration USERINFO_MARGIN = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "whoami";
    }

    @Override
    public String usage() {
        return String.join("\n",
                "Usage: whoami [options]",
                "Shows the logged-in user (from the server's userinfo endpoint, else the ID token), the issuer,",
                "the scopes and when the access token expires, refreshing it first if it has expired. The ID token",
                "is verified (signature against the issuer's keys, issuer, audience, expiry) and labelled with the outcome.",
                "Tokens are never shown.");
    }

    @Override
    public ExitCode run(Context ctx) {
        Settings settings = ctx.settings();
        StoredLogin login = ctx.tokens(settings).valid(USERINFO_MARGIN);
        ServerMetadata metadata = ctx.metadata().resolve(settings);
        Identity identity = new IdentityLookup(new UserInfoClient(ctx.http())).lookup(metadata, login.tokens());
        Optional<IdTokenCheck> idToken = checkIdToken(ctx, metadata, login);
        Instant now = ctx.env().clock().instant();
        if (ctx.json()) {
            Map<String, Object> result = describe(settings.profile(), login, identity, idToken, now);
            result.put("status", "logged_in");
            ctx.printJson(result);
            return ExitCode.OK;
        }
        var out = ctx.env().out();
        out.println("Logged in to " + Terminal.sanitize(settings.describeServer()) + " (profile '" + settings.profile() + "')");
        out.println("  user:          " + Terminal.sanitize(identity.display())
                + identity.username().map(u -> " [" + Terminal.sanitize(u) + "]").orElse(""));
        out.println("  subject:       " + identity.subject().map(Terminal::sanitize).orElse("unknown")
                + " (from " + identity.source() + (identity.source().equals("id_token")
                        ? idToken.map(c -> ", " + c.status()).orElse("") : "") + ")");
        out.println("  ID token:      " + idToken.map(WhoamiCommand::label).orElse("none"));
        out.println("  client:        " + Terminal.sanitize(login.clientId()));
        out.println("  scopes:        " + Terminal.sanitize(login.tokens().scope().orElse("(not reported by the server)")));
        out.println("  access token:  " + Format.expiry(login.tokens().expiresAt(), now) + "; not shown (use token)");
        out.println("  refresh token: " + (login.tokens().refreshToken().isPresent() ? "stored" : "none"));
        return ExitCode.OK;
    }

    /** What the stored ID token is worth, if there is one. */
    static Optional<IdTokenCheck> checkIdToken(Context ctx, ServerMetadata metadata, StoredLogin login) {
        return login.tokens().idToken().map(t -> ctx.idTokens().check(t, metadata, login.clientId()));
    }

    private static String label(IdTokenCheck check) {
        if (check instanceof IdTokenCheck.Verified verified) {
            return "verified (" + verified.algorithm() + " signature by the issuer's key; issuer, audience and expiry checked)";
        }
        String problem = Terminal.sanitize(check.problem().orElseThrow());
        return check instanceof IdTokenCheck.Expired ? "expired (" + problem + ")" : check.status() + ": " + problem;
    }

    /** The JSON form of a login; holds no secret. */
    static Map<String, Object> describe(String profile, StoredLogin login, Identity identity, Optional<IdTokenCheck> idToken,
                                        Instant now) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("profile", profile);
        login.issuer().ifPresent(i -> result.put("issuer", i));
        result.put("client_id", login.clientId());
        // claims are server text: JSON escaping leaves escape-free terminal tricks such as bidi overrides
        identity.subject().ifPresent(s -> result.put("subject", Terminal.sanitize(s)));
        identity.username().ifPresent(s -> result.put("username", Terminal.sanitize(s)));
        identity.name().ifPresent(s -> result.put("name", Terminal.sanitize(s)));
        identity.email().ifPresent(s -> result.put("email", Terminal.sanitize(s)));
        result.put("identity_source", identity.source());
        result.put("id_token", idToken.map(IdTokenCheck::status).orElse("none"));
        idToken.flatMap(IdTokenCheck::problem).ifPresent(p -> result.put("id_token_problem", Terminal.sanitize(p)));
        login.tokens().scope().ifPresent(s -> result.put("scope", Terminal.sanitize(s)));
        login.tokens().expiresAt().ifPresent(t -> {
            result.put("expires_at", Format.timestamp(t));
            result.put("expires_in", Math.max(0, Duration.between(now, t).getSeconds()));
        });
        result.put("has_refresh_token", login.tokens().refreshToken().isPresent());
        return result;
    }
}
