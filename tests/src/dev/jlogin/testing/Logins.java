package dev.jlogin.testing;

import dev.jlogin.Secret;
import dev.jlogin.oauth.TokenSet;
import dev.jlogin.store.StoredLogin;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Stored logins for tests. */
public final class Logins {
    private Logins() {
    }

    public static StoredLogin login(String issuer, String access, String refresh, Instant expiresAt) {
        TokenSet tokens = new TokenSet(Secret.of(access), "Bearer", Optional.ofNullable(refresh).map(Secret::of),
                Optional.empty(), Optional.of(expiresAt), Optional.of("openid"));
        return new StoredLogin(Optional.of(issuer), "cli", Optional.of("openid"), Map.of(), Map.of(), tokens);
    }
}
