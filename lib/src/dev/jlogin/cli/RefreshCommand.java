package dev.jlogin.cli;

import dev.jlogin.session.TokenManager;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code refresh}: refreshes now and reports the new expiry. */
public final class RefreshCommand implements Command {

    @Override
    public String name() {
        return "refresh";
    }

    @Override
    public String usage() {
        return String.join("\n",
                "Usage: refresh [options]",
                "Uses the stored refresh token now, whatever the access token's expiry, stores the new tokens",
                "and reports the new expiry and whether the server rotated the refresh token.");
    }

    @Override
    public ExitCode run(Context ctx) {
        TokenManager.Refreshed refreshed = ctx.tokens(ctx.settings()).refresh();
        Instant now = ctx.env().clock().instant();
        var tokens = refreshed.after().tokens();
        if (ctx.json()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("status", "refreshed");
            result.put("profile", ctx.profile());
            tokens.expiresAt().ifPresent(t -> result.put("expires_at", Format.timestamp(t)));
            result.put("refresh_token_rotated", refreshed.rotated());
            ctx.printJson(result);
        } else {
            ctx.env().out().println("Refreshed profile '" + ctx.profile() + "': access token " + Format.expiry(tokens.expiresAt(), now)
                    + (refreshed.rotated() ? "; the refresh token was rotated." : "."));
        }
        return ExitCode.OK;
    }
}
