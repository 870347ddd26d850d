package dev.jlogin.cli;

import dev.jlogin.JLoginException;
import dev.jlogin.Secret;
import dev.jlogin.config.Settings;
import dev.jlogin.oauth.RevocationClient;
import dev.jlogin.oauth.ServerMetadata;
import dev.jlogin.store.ProfileLock;
import dev.jlogin.store.StoredLogin;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code revoke}: logs out for real. Revokes at the server (RFC 7009; refresh token first, since
 * that usually ends the whole session, then the access token), then deletes the local tokens
 * whatever the server said, and reports both. Holding the profile lock throughout keeps a
 * concurrent refresh from writing the tokens back.
 */
public final class RevokeCommand implements Command {

    @Override
    public String name() {
        return "revoke";
    }

    @Override
    public String usage() {
        return String.join("\n",
                "Usage: revoke [options]",
                "Revokes the refresh and access tokens at the server's revocation endpoint, then deletes them",
                "locally, and reports both. Without a revocation endpoint it says so and still deletes locally.",
                "Exits 6 if the server could not revoke (the local tokens are deleted all the same).");
    }

    @Override
    public ExitCode run(Context ctx) {
        String profile = ctx.profile();
        try (ProfileLock lock = ctx.store().lock(profile)) {
            Optional<StoredLogin> saved = ctx.store().read(profile);
            if (saved.isEmpty()) {
                report(ctx, profile, Map.of(), false, "not logged in; nothing to revoke");
                return ExitCode.OK;
            }
            Settings settings = ctx.settings();
            StoredLogin login = ctx.tokens(settings).stored();
            Map<String, String> results = new LinkedHashMap<>();
            boolean failed = false;
            Optional<URI> endpoint = Optional.empty();
            try {
                ServerMetadata metadata = ctx.metadata().resolve(settings);
                endpoint = metadata.revocationEndpoint();
            } catch (JLoginException e) {
                failed = true;
                results.put("refresh_token", "not revoked: " + e.getMessage());
                results.put("access_token", "not revoked: " + e.getMessage());
            }
            if (!failed) {
                RevocationClient revocation = new RevocationClient(ctx.http());
                for (Map.Entry<String, Optional<Secret>> token : List.of(
                        Map.entry("refresh_token", login.tokens().refreshToken()),
                        Map.entry("access_token", Optional.of(login.tokens().accessToken())))) {
                    String outcome;
                    if (token.getValue().isEmpty()) {
                        outcome = "none stored";
                    } else if (endpoint.isEmpty()) {
                        outcome = "not revoked: the server has no revocation endpoint";
                    } else {
                        try {
                            revocation.revoke(endpoint.get(), settings.client(), token.getValue().get(), token.getKey());
                            outcome = "revoked";
                        } catch (JLoginException e) {
                            failed = true;
                            outcome = "not revoked: " + e.getMessage();
                        }
                    }
                    results.put(token.getKey(), outcome);
                }
            }
            ctx.store().delete(profile);
            report(ctx, profile, results, true, "deleted");
            return failed ? ExitCode.SERVER : ExitCode.OK;
        }
    }

    private static void report(Context ctx, String profile, Map<String, String> results, boolean hadLogin, String local) {
        if (ctx.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("status", hadLogin ? "revoked" : "not_logged_in");
            json.put("profile", profile);
            results.forEach((k, v) -> json.put(k, Terminal.sanitize(v)));
            json.put("local_tokens", local);
            ctx.printJson(json);
            return;
        }
        var out = ctx.env().out();
        results.forEach((k, v) -> out.println((k.equals("refresh_token") ? "refresh token: " : "access token:  ")
                + Terminal.sanitize(v)));
        out.println("local tokens:  " + local + " (profile '" + profile + "')");
    }
}
