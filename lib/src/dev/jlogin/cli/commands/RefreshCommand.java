package dev.jlogin.cli.commands;

import dev.jlogin.cli.Command;
import dev.jlogin.cli.CommandSpec;
import dev.jlogin.cli.Context;
import dev.jlogin.cli.ExitCode;
import dev.jlogin.cli.Options;
import dev.jlogin.cli.terminal.Format;
import dev.jlogin.session.Refresh;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code refresh}: refreshes now and reports the new expiry. */
public final class RefreshCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.of("refresh", "refresh the access token now")
            .about("Uses the stored refresh token now, whatever the access token's expiry, stores the new tokens"
                    + " and reports the new expiry and whether the server rotated the refresh token.")
            .groups(Options.LOGIN, Options.NETWORK, Options.OUTPUT)
            .examples("", "--profile work --json")
            .exits(ExitCode.OK, ExitCode.LOGIN_REQUIRED, ExitCode.SERVER, ExitCode.STORE);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public ExitCode run(Context ctx) {
        Refresh refreshed = ctx.api().refresh();
        Instant now = ctx.env().clock().instant();
        if (ctx.json()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("status", "refreshed");
            result.put("profile", refreshed.profile());
            refreshed.expiresAt().ifPresent(t -> result.put("expires_at", Format.timestamp(t)));
            result.put("refresh_token_rotated", refreshed.rotated());
            ctx.printJson(result);
        } else {
            ctx.env().out().println("Refreshed profile '" + refreshed.profile() + "': access token " + Format.expiry(refreshed.expiresAt(), now)
                    + (refreshed.rotated() ? "; the refresh token was rotated." : "."));
        }
        return ExitCode.OK;
    }
}
