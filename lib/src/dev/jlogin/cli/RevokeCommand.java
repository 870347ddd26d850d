package dev.jlogin.cli;

import dev.jlogin.session.Revocation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code revoke}: logs out for real through {@link dev.jlogin.session.JLogin#revoke()}, and reports
 * what the server said about each token and that the local tokens are gone.
 */
public final class RevokeCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.of("revoke", "log out: revoke the tokens at the server and delete them here")
            .about("Revokes the refresh and access tokens at the server's revocation endpoint (RFC 7009), then"
                    + " deletes them locally, and reports both. Without a revocation endpoint it says so and still"
                    + " deletes locally. The profile's settings (issuer, client, scope) are kept: login needs no"
                    + " flags afterwards. Exits 6 if the server could not revoke (the local tokens are deleted all"
                    + " the same).")
            .groups(Options.LOGIN, Options.NETWORK, Options.OUTPUT)
            .examples("", "--profile work")
            .exits(ExitCode.OK, ExitCode.SERVER, ExitCode.STORE);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public ExitCode run(Context ctx) {
        Revocation revocation = ctx.api().revoke();
        report(ctx, revocation);
        if (!revocation.complete()) {
            // every failure is also one line on stderr; the report above says which token and why
            ctx.say("revoke: the server did not revoke every token; the local tokens are deleted");
            return ExitCode.SERVER;
        }
        return ExitCode.OK;
    }

    private static void report(Context ctx, Revocation revocation) {
        String profile = revocation.profile();
        Map<String, String> results = revocation.tokens();
        Optional<Revocation.LoggedOut> loggedOut = revocation.loggedIn();
        String local = loggedOut.isPresent() ? "deleted; settings kept" : "not logged in; nothing to revoke";
        if (ctx.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("status", loggedOut.isPresent() ? "revoked" : "not_logged_in");
            json.put("profile", profile);
            loggedOut.ifPresent(l -> {
                json.put("user", Terminal.sanitize(l.identity().display()));
                json.put("issuer", l.server());
            });
            results.forEach((k, v) -> json.put(k, Terminal.sanitize(v)));
            json.put("local_tokens", local);
            ctx.printJson(json);
            return;
        }
        var out = ctx.env().out();
        results.forEach((k, v) -> out.println((k.equals("refresh_token") ? "refresh token: " : "access token:  ")
                + Terminal.sanitize(v)));
        out.println("local tokens:  " + local + " (profile '" + profile + "')");
        loggedOut.ifPresent(l -> out.println("Logged out " + Terminal.sanitize(l.identity().display()) + " from "
                + Terminal.sanitize(l.server()) + "."));
    }
}
