package dev.jlogin.cli.commands;

import dev.jlogin.JLoginException;
import dev.jlogin.cli.Args;
import dev.jlogin.cli.Cli;
import dev.jlogin.cli.Command;
import dev.jlogin.cli.CommandSpec;
import dev.jlogin.cli.Context;
import dev.jlogin.cli.ExitCode;
import dev.jlogin.cli.Option;
import dev.jlogin.cli.Options;
import dev.jlogin.cli.terminal.Terminal;
import dev.jlogin.session.JLogin;
import dev.jlogin.session.Revocation;
import java.util.LinkedHashMap;
import java.util.List;
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
            .options(Option.flag("all", "every profile with a login, one after the other (each result reported;"
                    + " exits with the first failure's code)"))
            .groups(Options.LOGIN, Options.NETWORK, Options.OUTPUT)
            .examples("", "--profile work", "--all --json")
            .exits(ExitCode.OK, ExitCode.SERVER, ExitCode.STORE);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public ExitCode run(Context ctx) {
        if (!ctx.args().has("all")) {
            return revoke(ctx, ctx.api());
        }
        if (ctx.args().has("profile")) {
            throw Args.usage("--all and --profile exclude each other");
        }
        List<String> profiles = ctx.store().profiles();
        if (profiles.isEmpty()) {
            ctx.say("revoke: no profile has a login; nothing to revoke");
        }
        ExitCode first = ExitCode.OK;
        for (String profile : profiles) {
            ExitCode exit;
            try {
                exit = revoke(ctx, ctx.api(profile));
            } catch (JLoginException e) {
                // one profile's broken settings or store must not keep the others logged in
                exit = Cli.failed(ctx, "revoke", e, Map.of("profile", profile));
            }
            first = first == ExitCode.OK ? exit : first;
        }
        return first;
    }

    private static ExitCode revoke(Context ctx, JLogin api) {
        Revocation revocation = api.revoke();
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
