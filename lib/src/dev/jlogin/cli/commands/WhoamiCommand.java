package dev.jlogin.cli.commands;

import dev.jlogin.cli.Command;
import dev.jlogin.cli.CommandSpec;
import dev.jlogin.cli.Context;
import dev.jlogin.cli.ExitCode;
import dev.jlogin.cli.Options;
import dev.jlogin.cli.terminal.Format;
import dev.jlogin.cli.terminal.Terminal;
import dev.jlogin.oauth.IdTokenCheck;
import dev.jlogin.oauth.TokenRequest;
import dev.jlogin.session.Identity;
import dev.jlogin.session.Login;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code whoami}: who is logged in, where, with what scopes, until when; never a token. */
public final class WhoamiCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.of("whoami", "show who is logged in, where, and until when")
            .about("Shows the logged-in user (from the server's userinfo endpoint, else the ID token), the issuer,"
                    + " the scopes and when the access token expires, refreshing it first if it has expired."
                    + " The ID token is verified (signature against the issuer's keys, issuer, audience, expiry) and"
                    + " labelled with the outcome. Tokens are never shown.")
            .groups(Options.LOGIN, Options.NETWORK, Options.OUTPUT)
            .examples("", "--profile work --json")
            .exits(ExitCode.OK, ExitCode.LOGIN_REQUIRED, ExitCode.SERVER, ExitCode.STORE);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public ExitCode run(Context ctx) {
        Login login = ctx.api().whoami();
        Instant now = ctx.env().clock().instant();
        if (ctx.json()) {
            Map<String, Object> result = describe(login, now);
            result.put("status", "logged_in");
            ctx.printJson(result);
            return ExitCode.OK;
        }
        Identity identity = login.identity();
        var out = ctx.env().out();
        out.println("Logged in to " + Terminal.sanitize(login.server()) + " (profile '" + login.profile() + "')");
        out.println("  user:          " + Terminal.sanitize(identity.display())
                + identity.username().map(u -> " [" + Terminal.sanitize(u) + "]").orElse(""));
        out.println("  subject:       " + identity.subject().map(Terminal::sanitize).orElse("unknown")
                + " (from " + identity.source() + (identity.source().equals("id_token")
                        ? login.idToken().map(c -> ", " + c.status()).orElse("") : "") + ")");
        identity.organization().ifPresent(o -> out.println("  organization:  " + Terminal.sanitize(o)));
        identity.problem().ifPresent(p -> out.println("  warning:       " + Terminal.sanitize(p)));
        out.println("  ID token:      " + login.idToken().map(WhoamiCommand::label).orElse("none"));
        out.println("  client:        " + Terminal.sanitize(login.clientId()));
        out.println("  scopes:        " + Terminal.sanitize(login.scope().orElse("(not reported by the server)")));
        out.println("  access token:  " + Format.expiry(login.expiresAt(), now) + "; not shown (use token)");
        out.println("  refresh token: " + (login.hasRefreshToken() ? "stored" : "none"));
        for (Login.Target target : login.targets()) {
            out.println("  other API:     " + Terminal.sanitize(target.request().describe()) + ": "
                    + Format.expiry(target.expiresAt(), now));
        }
        return ExitCode.OK;
    }

    private static String label(IdTokenCheck check) {
        if (check instanceof IdTokenCheck.Verified verified) {
            return "verified (" + verified.algorithm() + " signature by the issuer's key; issuer, audience and expiry checked)";
        }
        String problem = Terminal.sanitize(check.problem().orElseThrow());
        return check instanceof IdTokenCheck.Expired ? "expired (" + problem + ")" : check.status() + ": " + problem;
    }

    /** The JSON form of a login; holds no secret. */
    static Map<String, Object> describe(Login login, Instant now) {
        Identity identity = login.identity();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("profile", login.profile());
        login.issuer().ifPresent(i -> result.put("issuer", i));
        result.put("client_id", login.clientId());
        // claims are server text: JSON escaping leaves escape-free terminal tricks such as bidi overrides
        identity.subject().ifPresent(s -> result.put("subject", Terminal.sanitize(s)));
        identity.username().ifPresent(s -> result.put("username", Terminal.sanitize(s)));
        identity.name().ifPresent(s -> result.put("name", Terminal.sanitize(s)));
        identity.email().ifPresent(s -> result.put("email", Terminal.sanitize(s)));
        identity.organization().ifPresent(s -> result.put("organization", Terminal.sanitize(s)));
        result.put("identity_source", identity.source());
        identity.problem().ifPresent(p -> result.put("identity_problem", Terminal.sanitize(p)));
        result.put("id_token", login.idToken().map(IdTokenCheck::status).orElse("none"));
        login.idToken().flatMap(IdTokenCheck::problem).ifPresent(p -> result.put("id_token_problem", Terminal.sanitize(p)));
        login.scope().ifPresent(s -> result.put("scope", Terminal.sanitize(s)));
        login.expiresAt().ifPresent(t -> {
            result.put("expires_at", Format.timestamp(t));
            result.put("expires_in", Math.max(0, Duration.between(now, t).getSeconds()));
        });
        result.put("has_refresh_token", login.hasRefreshToken());
        if (!login.targets().isEmpty()) {
            result.put("targets", login.targets().stream().map(target -> targetJson(target.request(), target.expiresAt())).toList());
        }
        return result;
    }

    /** A token held for another API, as whoami, status and audit list it: which API, and its expiry. */
    static Map<String, Object> targetJson(TokenRequest request, Optional<Instant> expiresAt) {
        Map<String, Object> entry = request.fields();
        expiresAt.ifPresent(t -> entry.put("expires_at", Format.timestamp(t)));
        return entry;
    }
}
