package dev.jlogin.cli.commands;

import dev.jlogin.cli.Command;
import dev.jlogin.cli.CommandSpec;
import dev.jlogin.cli.Context;
import dev.jlogin.cli.ExitCode;
import dev.jlogin.cli.Option;
import dev.jlogin.cli.Options;
import dev.jlogin.cli.terminal.Format;
import dev.jlogin.session.AccessToken;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code token}: the access token for other programs, refreshed first if it expires soon. It is
 * printed only into a pipe or file: on a terminal it would end up in scrollback and screen
 * shares, so that needs --force-terminal.
 */
public final class TokenCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.of("token", "print a valid access token into a pipe, refreshing it first"
                    + " if needed")
            .usage("[options] | some-command")
            .about("Prints the access token on stdout, refreshing it first if it expires within --min-valid seconds."
                    + " With --json, prints the token's expiry and type, but not the token.")
            .options(Options.MIN_VALID,
                    Option.flag("header", "print 'Authorization: Bearer <token>', for curl -H @-"),
                    Option.flag("force-terminal", "print even though stdout is a terminal"))
            .groups(Options.TARGET, Options.LOGIN, Options.NETWORK, Options.OUTPUT)
            .examples("--header | curl -H @- https://api.example.com/",
                    "--audience orders-api > orders.token",
                    "--profile work --json")
            .exits(ExitCode.OK, ExitCode.LOGIN_REQUIRED, ExitCode.SERVER, ExitCode.STORE);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public ExitCode run(Context ctx) {
        boolean revealing = !ctx.json();
        if (revealing && !ctx.args().has("force-terminal")) {
            ctx.refuseTokenOnTerminal("pipe it into the program that needs it, or pass --force-terminal");
        }
        AccessToken token = ctx.token();
        if (!revealing) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("status", "valid");
            json.put("profile", ctx.profile());
            json.put("token_type", token.type());
            token.expiresAt().ifPresent(t -> json.put("expires_at", Format.timestamp(t)));
            ctx.printJson(json);
            return ExitCode.OK;
        }
        ctx.env().out().println(ctx.args().has("header") ? "Authorization: " + token.authorization() : token.value().reveal());
        ctx.env().out().flush();
        return ExitCode.OK;
    }
}
