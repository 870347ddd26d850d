package dev.jlogin.session;

import dev.jlogin.JLoginException;
import dev.jlogin.Secret;
import dev.jlogin.config.Audiences;
import dev.jlogin.config.Policy;
import dev.jlogin.config.Settings;
import dev.jlogin.oauth.ServerMetadata;
import dev.jlogin.oauth.TokenEndpoint;
import dev.jlogin.oauth.TokenRequest;
import dev.jlogin.oauth.TokenSet;
import dev.jlogin.store.LifecycleLog;
import dev.jlogin.store.ProfileLock;
import dev.jlogin.store.StoredLogin;
import dev.jlogin.store.TokenStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Hands out valid tokens for one profile. A token that is valid long enough is returned from
 * the store with no lock and no network request. Otherwise the profile is locked, the store
 * read again (another process may have refreshed meanwhile), and only then refreshed; a
 * rotated refresh token is written to disk before the new access token is handed out.
 */
public final class TokenManager {
    /** How long the login's access token must stay valid to be sent in a token exchange. */
    private static final Duration IN_FLIGHT = Duration.ofSeconds(10);
    private final TokenStore store;
    private final Settings settings;
    private final Supplier<MetadataResolver> metadata;
    private final Supplier<TokenEndpoint> tokenEndpoint;
    private final Clock clock;
    private final Policy policy;
    /** The organisation's names for its APIs, read only when a token for one is asked for. */
    private final Supplier<Audiences> audiences;
    private final LifecycleLog log;

    /** With no policy, and refreshes logged in {@code store}'s home. */
    public TokenManager(TokenStore store, Settings settings, MetadataResolver metadata, TokenEndpoint tokenEndpoint,
                        Clock clock) {
        this(store, settings, () -> metadata, () -> tokenEndpoint, clock, Policy.NONE, () -> Audiences.NONE,
                store.log(clock, System.err::println));
    }

    /**
     * With what a refresh needs built only for one (a token that is still valid needs neither),
     * the organisation's policy (a login's age, the scopes a token may ask for), the names it gives
     * its APIs, and the lifecycle log.
     */
    TokenManager(TokenStore store, Settings settings, Supplier<MetadataResolver> metadata, Supplier<TokenEndpoint> tokenEndpoint,
                 Clock clock, Policy policy, Supplier<Audiences> audiences, LifecycleLog log) {
        this.store = store;
        this.log = log;
        this.settings = settings;
        this.metadata = metadata;
        this.tokenEndpoint = tokenEndpoint;
        this.clock = clock;
        this.policy = policy;
        this.audiences = audiences;
    }

    /**
     * The stored login, refreshed first if its access token expires within {@code minValid}.
     * When another process refreshed while this one waited for the lock, its fresh token is used
     * as long as it is still valid at all: with access tokens that live less than
     * {@code minValid}, insisting on the margin would have every waiter refresh again.
     */
    public StoredLogin valid(Duration minValid) {
        return valid(minValid, token -> false);
    }

    /**
     * As {@link #valid(Duration)}, and also refreshed when {@code rejected} says a resource server
     * refused the stored access token (revoked there, or cut short) although it has not expired.
     */
    public StoredLogin valid(Duration minValid, Predicate<Secret> rejected) {
        return valid(stored(), minValid, rejected);
    }

    /**
     * As {@link #valid(Duration)}, starting from the login the caller has just read from the store
     * with these settings, so that a valid token costs one read; a refresh still reads it again.
     */
    StoredLogin validFrom(Optional<StoredLogin> read, Duration minValid) {
        return validFrom(read, minValid, token -> false);
    }

    /** As {@link #validFrom(Optional, Duration)}, and refreshed when {@code rejected} says an API refused the token. */
    public StoredLogin validFrom(Optional<StoredLogin> read, Duration minValid, Predicate<Secret> rejected) {
        return valid(checked(read), minValid, rejected);
    }

    private StoredLogin valid(StoredLogin current, Duration minValid, Predicate<Secret> rejected) {
        checkSessionAge(current);
        if (current.tokens().isValidFor(minValid, clock.instant()) && !rejected.test(current.tokens().accessToken())) {
            return current;
        }
        ServerMetadata server = server();
        try (ProfileLock lock = store.lock(settings.profile())) {
            StoredLogin latest = stored();
            boolean refreshedMeanwhile = !latest.tokens().accessToken().equals(current.tokens().accessToken());
            if (latest.tokens().isValidFor(refreshedMeanwhile ? Duration.ZERO : minValid, clock.instant())
                    && !rejected.test(latest.tokens().accessToken())) {
                return latest;
            }
            return refreshLocked(latest, server);
        }
    }

    /**
     * The server's endpoints, resolved before the profile is locked: discovery may be a request
     * of its own, and a waiter for the lock then waits for one token request at most.
     */
    private ServerMetadata server() {
        return metadata.get().resolve(settings);
    }

    /** Refreshes now, whatever the expiry; returns the login before and after. */
    public Refreshed refresh() {
        ServerMetadata server = server();
        try (ProfileLock lock = store.lock(settings.profile())) {
            StoredLogin before = stored();
            checkSessionAge(before);
            return new Refreshed(before, refreshLocked(before, server));
        }
    }

    /** A refresh's login before and after; the tokens print as {@code [redacted]}. */
    public record Refreshed(StoredLogin before, StoredLogin after) {
        /** Whether the server issued a new refresh token (and retired the old). */
        public boolean rotated() {
            return !before.tokens().refreshToken().equals(after.tokens().refreshToken());
        }
    }

    /**
     * A login older than the organisation allows (or of unknown age, made before logins kept their
     * start) is not used, however valid its tokens: the user logs in again.
     */
    private void checkSessionAge(StoredLogin login) {
        Optional<Duration> limit = policy.maxSession();
        if (limit.isEmpty()) {
            return;
        }
        Duration max = limit.get();
        if (login.sessionStartedAt().isEmpty() || !clock.instant().isBefore(login.sessionStartedAt().get().plus(max))) {
            log.record("policy_refusal", settings.profile(), Optional.of(login.settings()), Optional.empty(),
                    Map.of("rule", "max-session"));
            throw new JLoginException(JLoginException.Kind.LOGIN_REQUIRED, "session older than the organisation allows ("
                    + policy.rule("max-session") + (login.sessionStartedAt().isEmpty() ? "; this login's start was not recorded" : "")
                    + ")");
        }
    }

    /** What the lifecycle log says went wrong: the server's OAuth error code, else the kind of failure. */
    private static String errorCode(JLoginException e) {
        return e.oauthError().orElse(e.kind().name().toLowerCase(java.util.Locale.ROOT));
    }

    /** How long {@code tokens}' access token lives, as issued at {@code issuedAt}. */
    static Optional<Duration> lifetime(TokenSet tokens, Instant issuedAt) {
        return tokens.expiresAt().map(expiry -> Duration.between(issuedAt, expiry));
    }

    /** The stored login for these settings, or "login required". */
    public StoredLogin stored() {
        return checked(store.read(settings.profile()));
    }

    /** {@code read} if it is a login for these settings, else "login required". */
    private StoredLogin checked(Optional<StoredLogin> read) {
        StoredLogin login = read.orElseThrow(() -> new JLoginException(
                JLoginException.Kind.LOGIN_REQUIRED, "not logged in (profile '" + settings.profile() + "')"));
        if (!settings.issued(login)) {
            throw new JLoginException(JLoginException.Kind.LOGIN_REQUIRED, "profile '" + settings.profile()
                    + "' holds a login for " + login.issuer().orElse("another server") + " with client " + login.clientId()
                    + ", not for the configured one (or choose another --profile)");
        }
        return login;
    }

    /**
     * A token for {@code target} valid for at least {@code minValid}: the one held beside the
     * login while it is, else one obtained from the login under the profile's lock, where a waiter
     * takes what the process before it obtained. Starts from the login the caller has just read.
     */
    TokenSet targetFrom(Optional<StoredLogin> read, TokenRequest target, Duration minValid) {
        return targetFrom(read, target, minValid, token -> false);
    }

    /**
     * As {@link #targetFrom(Optional, TokenRequest, Duration)}, and also obtained anew when
     * {@code rejected} says the API refused the kept token (git's {@code erase}).
     */
    public TokenSet targetFrom(Optional<StoredLogin> read, TokenRequest target, Duration minValid, Predicate<Secret> rejected) {
        return target(checked(read), target, minValid, rejected);
    }

    /** As {@link #targetFrom}, from the store. */
    public TokenSet target(TokenRequest target, Duration minValid, Predicate<Secret> rejected) {
        return target(stored(), target, minValid, rejected);
    }

    private TokenSet target(StoredLogin current, TokenRequest asked, Duration minValid, Predicate<Secret> rejected) {
        checkSessionAge(current);
        // the organisation's names for its APIs are resolved here, whichever door asks: one token per API
        TokenRequest target = asked.audience().isEmpty() ? asked : audiences.get().resolve(asked);
        if (target.scope().isPresent()) { // only a scope can break the policy's rule; the message is built then
            try {
                policy.checkScopes("the token for " + target.describe(), target.scope());
            } catch (JLoginException e) {
                log.record("policy_refusal", settings.profile(), Optional.of(current.settings()), Optional.empty(),
                        Map.of("rule", "scopes"));
                throw e;
            }
        }
        Optional<TokenSet> held = Optional.ofNullable(current.targets().get(target));
        if (held.isPresent() && held.get().isValidFor(minValid, clock.instant()) && !rejected.test(held.get().accessToken())) {
            return held.get();
        }
        ServerMetadata server = server();
        try (ProfileLock lock = store.lock(settings.profile())) {
            StoredLogin latest = stored();
            Optional<TokenSet> again = Optional.ofNullable(latest.targets().get(target));
            boolean obtainedMeanwhile = again.isPresent()
                    && !again.get().accessToken().equals(held.map(TokenSet::accessToken).orElse(null));
            if (again.isPresent() && again.get().isValidFor(obtainedMeanwhile ? Duration.ZERO : minValid, clock.instant())
                    && !rejected.test(again.get().accessToken())) {
                return again.get();
            }
            return obtainLocked(latest, target, server);
        }
    }

    /**
     * Asks the server for a token for {@code target} and keeps it beside the login. Token exchange
     * sends the login's access token, so that is refreshed first if it would expire in flight; a
     * refresh naming the API may rotate the login's refresh token, which is kept too.
     */
    private TokenSet obtainLocked(StoredLogin login, TokenRequest target, ServerMetadata server) {
        store.checkWritable(settings.profile());
        TargetGrant grant = new TargetGrant(settings, server, tokenEndpoint.get());
        StoredLogin from = grant.spendsAccessToken() && !login.tokens().isValidFor(IN_FLIGHT, clock.instant())
                ? refreshLocked(login, server) : login;
        Map<String, Object> details = new java.util.LinkedHashMap<>(target.fields());
        details.put("grant", grant.spendsAccessToken() ? "token_exchange" : "refresh");
        TokenSet answer;
        try {
            answer = grant.obtain(from, target);
        } catch (JLoginException e) {
            details.put("error", errorCode(e));
            log.record("target_refused", settings.profile(), Optional.of(from.settings()), Optional.empty(), details);
            throw e;
        }
        StoredLogin updated = from.withTarget(target, answer);
        if (!grant.spendsAccessToken() && answer.refreshToken().isPresent()) {
            TokenSet own = from.tokens();
            updated = updated.withTokens(new TokenSet(own.accessToken(), own.tokenType(), answer.refreshToken(), own.idToken(),
                    own.expiresAt(), own.scope(), own.account()));
        }
        keep(from, updated);
        log.record("target", settings.profile(), Optional.of(updated.settings()), Optional.of(answer), details);
        return updated.targets().get(target);
    }

    /**
     * Stores {@code updated}, which replaces {@code current}. If that fails after the server
     * rotated the refresh token, the new login is kept for recovery and the message says where.
     */
    private void keep(StoredLogin current, StoredLogin updated) {
        try {
            store.write(settings.profile(), updated);
        } catch (JLoginException e) {
            if (updated.tokens().refreshToken().equals(current.tokens().refreshToken())) {
                throw e; // the stored refresh token still works: nothing is lost
            }
            throw new JLoginException(JLoginException.Kind.STORE, e.getMessage() + "; " + store.recoveryNote(settings.profile(),
                    updated, "the server rotated the refresh token"), e);
        }
    }

    /**
     * Refreshes and stores the result before returning it. If the server rejects the refresh token
     * because someone else already rotated it (a process that did not wait for our lock, or one
     * whose wait timed out), the store is read once more: newer, valid tokens there are the
     * rotation's result, and are used instead of forcing a new login.
     */
    private StoredLogin refreshLocked(StoredLogin current, ServerMetadata server) {
        store.checkWritable(settings.profile());
        TokenSet fresh;
        try {
            fresh = tokenEndpoint.get().refresh(server.tokenEndpoint(), settings.client(), current.tokens());
        } catch (JLoginException e) {
            log.record("refresh_failed", settings.profile(), Optional.of(current.settings()), Optional.empty(),
                    Map.of("error", errorCode(e)));
            if (e.kind() == JLoginException.Kind.LOGIN_REQUIRED) {
                StoredLogin latest = stored();
                if (!latest.tokens().refreshToken().equals(current.tokens().refreshToken())
                        && latest.tokens().isValidFor(Duration.ZERO, clock.instant())) {
                    return latest;
                }
            }
            throw e;
        }
        Instant now = clock.instant();
        StoredLogin refreshed = current.withTokens(fresh);
        StoredLogin updated = current.facts().isPresent() ? refreshed.with(current.facts().get().refreshed(now, lifetime(fresh, now)))
                : refreshed;
        keep(current, updated);
        log.record("refresh", settings.profile(), Optional.of(updated.settings()), Optional.of(fresh),
                Map.of("rotated", !fresh.refreshToken().equals(current.tokens().refreshToken())));
        return updated;
    }
}
