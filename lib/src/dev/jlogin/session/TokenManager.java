package dev.jlogin.session;

import dev.jlogin.JLoginException;
import dev.jlogin.config.Settings;
import dev.jlogin.oauth.TokenEndpoint;
import dev.jlogin.oauth.TokenSet;
import dev.jlogin.store.ProfileLock;
import dev.jlogin.store.StoredLogin;
import dev.jlogin.store.TokenStore;
import java.time.Clock;
import java.time.Duration;

/**
 * Hands out valid tokens for one profile. A token that is valid long enough is returned from
 * the store with no lock and no network request. Otherwise the profile is locked, the store
 * read again (another process may have refreshed meanwhile), and only then refreshed; a
 * rotated refresh token is written to disk before the new access token is handed out.
 */
public final class TokenManager {
    private final TokenStore store;
    private final Settings settings;
    private final MetadataResolver metadata;
    private final TokenEndpoint tokenEndpoint;
    private final Clock clock;

    public TokenManager(TokenStore store, Settings settings, MetadataResolver metadata, TokenEndpoint tokenEndpoint,
                        Clock clock) {
        this.store = store;
        this.settings = settings;
        this.metadata = metadata;
        this.tokenEndpoint = tokenEndpoint;
        this.clock = clock;
    }

    /** The stored login, refreshed first if its access token expires within {@code minValid}. */
    public StoredLogin valid(Duration minValid) {
        StoredLogin current = stored();
        if (current.tokens().isValidFor(minValid, clock.instant())) {
            return current;
        }
        try (ProfileLock lock = store.lock(settings.profile())) {
            StoredLogin latest = stored();
            if (latest.tokens().isValidFor(minValid, clock.instant())) {
                return latest;
            }
            return refreshLocked(latest);
        }
    }

    /** Refreshes now, whatever the expiry; returns the login before and after. */
    public Refreshed refresh() {
        try (ProfileLock lock = store.lock(settings.profile())) {
            StoredLogin before = stored();
            return new Refreshed(before, refreshLocked(before));
        }
    }

    public record Refreshed(StoredLogin before, StoredLogin after) {
        public boolean rotated() {
            return !before.tokens().refreshToken().equals(after.tokens().refreshToken());
        }
    }

    /** The stored login for these settings, or "login required". */
    public StoredLogin stored() {
        StoredLogin login = store.read(settings.profile()).orElseThrow(() -> new JLoginException(
                JLoginException.Kind.LOGIN_REQUIRED, "not logged in (profile '" + settings.profile() + "'): run login"));
        if (!login.belongsTo(settings)) {
            throw new JLoginException(JLoginException.Kind.LOGIN_REQUIRED, "profile '" + settings.profile()
                    + "' holds a login for " + login.issuer().orElse("another server") + " with client " + login.clientId()
                    + ", not for the configured one: run login, or choose another --profile");
        }
        return login;
    }

    private StoredLogin refreshLocked(StoredLogin current) {
        TokenSet fresh = tokenEndpoint.refresh(metadata.resolve(settings).tokenEndpoint(), settings.client(), current.tokens());
        StoredLogin updated = current.withTokens(fresh);
        store.write(settings.profile(), updated);
        return updated;
    }
}
