package dev.jlogin.cli;

import dev.jlogin.JLoginException;
import dev.jlogin.Secret;
import dev.jlogin.config.Settings;
import dev.jlogin.oauth.RevocationClient;
import dev.jlogin.oauth.ServerMetadata;
import dev.jlogin.session.Identity;
import dev.jlogin.session.IdentityLookup;
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
 * whatever the server said, and reports both. The profile's settings stay, so logging in again
 * needs no flags. Holding the profile lock throughout keeps a concurrent refresh from writing the
 * tokens back.
 */
public final class RevokeCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.of("revoke", "log out: revoke the tokens at the server and delete them here")
            .about("Revokes the refresh and access tokens at the server's revocation endpoint (RFC 7009), then"
                    + " deletes them locally, and reports both. Without a revocation endpoint it says so and still"
                    + " deletes locally. The profile's settings (issuer, client, scope) are kept: login needs no"
                    + " flags afterwards. Exits 6 if the server could not revoke (the local tokens are deleted all"
                    + " the same).")
            .groups(Options.LOGIN, Options.NETWORK, Options.OUTPUT)
            .examples("", "--profile work");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public ExitCode run(Context ctx) {
        String profile = ctx.profile();
        try (ProfileLock lock = ctx.store().lock(profile)) {
            Optional<StoredLogin> saved = ctx.store().read(profile);
            if (saved.isEmpty()) {
                report(ctx, profile, Map.of(), Optional.empty(), "not logged in; nothing to revoke");
                return ExitCode.OK;
            }
            Settings settings = ctx.settings();
            StoredLogin login = ctx.tokens(settings).stored();
            Map<String, String> results = new LinkedHashMap<>();
            boolean failed = false;
            Optional<URI> endpoint = Optional.empty();
            Identity identity = IdentityLookup.fromIdToken(login.tokens());
            try {
                ServerMetadata metadata = ctx.metadata().resolve(settings);
                endpoint = metadata.revocationEndpoint();
                identity = whoBefore(ctx, settings, metadata, login, identity);
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
                        outcome = "not revoked: the server has no revocation endpoint" + settings.provider()
                                .revokeElsewhere(settings.describeServer(), settings.clientId()).map(how -> "; " + how).orElse("");
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
            ctx.store().deleteTokens(profile);
            report(ctx, profile, results, Optional.of(new LoggedOut(identity, settings.describeServer())),
                    "deleted; settings kept");
            return failed ? ExitCode.SERVER : ExitCode.OK;
        }
    }

    /** Who is logging out, asked while the tokens still work; the ID token's word if the server cannot say. */
    private static Identity whoBefore(Context ctx, Settings settings, ServerMetadata metadata, StoredLogin login, Identity fallback) {
        try {
            Identity identity = ctx.identityLookup(settings).lookup(metadata, login.tokens());
            return identity.subject().isPresent() ? identity : fallback;
        } catch (JLoginException e) {
            return fallback;
        }
    }

    private record LoggedOut(Identity identity, String server) {
    }

    private static void report(Context ctx, String profile, Map<String, String> results, Optional<LoggedOut> loggedOut,
                               String local) {
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
