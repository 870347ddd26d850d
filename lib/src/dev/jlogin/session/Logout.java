package dev.jlogin.session;

import dev.jlogin.JLoginException;
import dev.jlogin.Secret;
import dev.jlogin.config.Settings;
import dev.jlogin.oauth.RevocationClient;
import dev.jlogin.oauth.ServerMetadata;
import dev.jlogin.oauth.UserInfoClient;
import dev.jlogin.store.ProfileLock;
import dev.jlogin.store.StoredLogin;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Logs out for real. Revokes at the server (RFC 7009; refresh token first, since that usually
 * ends the whole session, then the access token), then deletes the local tokens whatever the
 * server said. The profile's settings stay, so logging in again needs no flags. Holding the
 * profile lock throughout keeps a concurrent refresh from writing the tokens back.
 */
final class Logout {
    private final Wiring jl;

    Logout(Wiring jl) {
        this.jl = jl;
    }

    /** {@code settings} is asked for only when the profile holds a login. */
    Revocation run(String profile, Supplier<Settings> settingsOfLogin) {
        try (ProfileLock lock = jl.store().lock(profile)) {
            if (jl.store().read(profile).isEmpty()) {
                return new Revocation(profile, Optional.empty(), Map.of(), true);
            }
            Settings settings = settingsOfLogin.get();
            StoredLogin login = jl.tokens(settings).stored();
            Map<String, String> results = new LinkedHashMap<>();
            boolean failed = false;
            Optional<URI> endpoint = Optional.empty();
            Identity identity = IdentityLookup.fromIdToken(login.tokens());
            try {
                ServerMetadata metadata = jl.metadata().resolve(settings);
                endpoint = metadata.revocationEndpoint();
                identity = whoBefore(settings, metadata, login, identity);
            } catch (JLoginException e) {
                failed = true;
                results.put("refresh_token", "not revoked: " + e.getMessage());
                results.put("access_token", "not revoked: " + e.getMessage());
            }
            if (!failed) {
                RevocationClient revocation = new RevocationClient(jl.transport());
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
            jl.store().deleteTokens(profile);
            jl.lifecycleLog().record("logout", profile, Optional.of(login.settings()), Optional.of(login.tokens()),
                    Map.of("revocation_complete", !failed));
            return new Revocation(profile, Optional.of(new Revocation.LoggedOut(identity, settings.describeServer())),
                    results, !failed);
        }
    }

    /** Who is logging out, asked while the tokens still work; the ID token's word if the server cannot say. */
    private Identity whoBefore(Settings settings, ServerMetadata metadata, StoredLogin login, Identity fallback) {
        try {
            Identity identity = jl.identityLookup(settings).lookup(metadata, login.tokens());
            return identity.subject().isPresent() ? identity : fallback;
        } catch (JLoginException e) {
            return fallback;
        }
    }
}
