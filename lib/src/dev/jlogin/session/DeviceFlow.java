package dev.jlogin.session;

import dev.jlogin.JLoginException;
import dev.jlogin.config.Settings;
import dev.jlogin.device.DevicePoller;
import dev.jlogin.device.PollOutcome;
import dev.jlogin.device.Sleeper;
import dev.jlogin.oauth.DeviceAuthorization;
import dev.jlogin.oauth.DeviceAuthorizationClient;
import dev.jlogin.oauth.Dialect;
import dev.jlogin.oauth.IdTokenCheck;
import dev.jlogin.oauth.IdTokenVerifier;
import dev.jlogin.oauth.ServerMetadata;
import dev.jlogin.oauth.TokenEndpoint;
import dev.jlogin.oauth.TokenSet;
import dev.jlogin.store.ProfileLock;
import dev.jlogin.store.StoredLogin;
import dev.jlogin.store.TokenStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The device login (RFC 8628) from code to stored tokens: the store is checked to be writable
 * before anything is asked of the server, the code is requested and handed to a
 * {@link LoginListener}, the token endpoint polled, and the tokens stored under the profile's lock
 * (kept in a recovery file when the store fails after approval). An ID token that fails
 * verification is not stored. Interrupting the thread that runs
 * it cancels the login: it ends with {@link JLoginException.Kind#CANCELLED}, never as "expired".
 */
public final class DeviceFlow {
    private final TokenStore store;
    private final DeviceAuthorizationClient deviceAuthorization;
    private final TokenEndpoint tokenEndpoint;
    private final Clock clock;
    private final Sleeper sleeper;
    private final IdTokenVerifier idTokens;
    private final Consumer<String> notices;

    public DeviceFlow(TokenStore store, DeviceAuthorizationClient deviceAuthorization, TokenEndpoint tokenEndpoint,
                      Clock clock, Sleeper sleeper, IdTokenVerifier idTokens, Consumer<String> notices) {
        this.store = store;
        this.deviceAuthorization = deviceAuthorization;
        this.tokenEndpoint = tokenEndpoint;
        this.clock = clock;
        this.sleeper = sleeper;
        this.idTokens = idTokens;
        this.notices = notices;
    }

    /** A stored login with its ID token's check, so that describing it does not check (and fetch keys) again. */
    record Approved(StoredLogin login, Optional<IdTokenCheck> idTokenCheck) {
    }

    /** Logs in with {@code settings} at the server {@code metadata} describes, and stores the tokens. */
    public StoredLogin run(Settings settings, ServerMetadata metadata, LoginListener listener) {
        return approve(settings, metadata, listener).login();
    }

    /** {@link #run}, also handing back the ID token's check. */
    Approved approve(Settings settings, ServerMetadata metadata, LoginListener listener) {
        // a store that cannot take the tokens is found before the user approves anything
        try (ProfileLock lock = store.lock(settings.profile())) {
            store.checkWritable(settings.profile());
        }
        DeviceAuthorization authorization;
        try {
            authorization = deviceAuthorization.request(metadata.deviceAuthorizationEndpoint(), settings.client(),
                    settings.scope().orElse(null), settings.parameters());
        } catch (JLoginException e) {
            throw Thread.currentThread().isInterrupted() ? cancelled() : e;
        }
        Instant issuedAt = clock.instant();
        // the server took these settings: a retry after an expired or denied code needs no flags
        try (ProfileLock lock = store.lock(settings.profile())) {
            store.rememberSettings(settings.profile(), settings.saved());
        }
        listener.codeReady(authorization, issuedAt);
        PollOutcome outcome;
        try {
            outcome = new DevicePoller(tokenEndpoint, clock, listener.pacing(sleeper), listener::polled)
                    .poll(metadata.tokenEndpoint(), settings.client(), authorization, issuedAt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled();
        }
        if (outcome instanceof PollOutcome.Denied denied) {
            throw new JLoginException(JLoginException.Kind.DENIED, "the login request was denied"
                    + denied.error().description().map(d -> " (" + d + ")").orElse(""), denied.error().code());
        }
        if (outcome instanceof PollOutcome.Expired expired) {
            throw new JLoginException(JLoginException.Kind.EXPIRED, expired.reason());
        }
        if (outcome instanceof PollOutcome.Failed failed) {
            // the poll's HTTP status is not kept: the code and the provider's words tell
            Dialect dialect = settings.provider().dialect();
            Optional<String> refusal = settings.client().refusalAdvice(failed.error(), 0, dialect);
            boolean configuration = refusal.isPresent() || dialect.blamesConfiguration(failed.error());
            throw new JLoginException(configuration ? JLoginException.Kind.CONFIGURATION : JLoginException.Kind.SERVER,
                    "login failed: " + dialect.explain(failed.error(), refusal), failed.error().code());
        }
        TokenSet tokens = ((PollOutcome.Approved) outcome).tokens();
        Optional<IdTokenCheck> check = tokens.idToken().map(idToken -> idTokens.check(idToken, metadata,
                settings.provider().idTokenIssuers(metadata.issuer()), settings.clientId()));
        check.ifPresent(this::checkIdToken);
        StoredLogin login = settings.login(tokens);
        try (ProfileLock lock = store.lock(settings.profile())) {
            store.write(settings.profile(), login);
        } catch (JLoginException e) {
            if (e.kind() != JLoginException.Kind.STORE) {
                throw e;
            }
            throw new JLoginException(JLoginException.Kind.STORE, e.getMessage() + "; "
                    + store.recoveryNote(settings.profile(), login, "the login was approved"));
        }
        return new Approved(login, check);
    }

    /**
     * An ID token that fails its checks came from the token endpoint over TLS, so it means a
     * misconfigured server or client rather than an attack; either way it is not stored, and the
     * login fails rather than keep an identity nobody vouches for. So does one already expired: it
     * was issued for this login just now, so it is stale or the clocks disagree by more than the
     * tolerance. One that cannot be checked (no key set, or none to be had now) is stored, and
     * {@code whoami} says it is unchecked.
     */
    private void checkIdToken(IdTokenCheck check) {
        if (check instanceof IdTokenCheck.Rejected rejected) {
            throw idTokenFailed(rejected.reason());
        }
        if (check instanceof IdTokenCheck.Expired expired) {
            throw idTokenFailed(expired.problem().orElseThrow() + " (a fresh login's ID token must be valid: a stale"
                    + " token, or this machine's clock and the server's disagree)");
        }
        if (check instanceof IdTokenCheck.Unchecked unchecked) {
            notices.accept("warning: the ID token could not be verified: " + dev.jlogin.ServerText.sanitize(unchecked.reason()));
        }
    }

    private static JLoginException idTokenFailed(String reason) {
        return new JLoginException(JLoginException.Kind.SERVER, "the server's ID token failed verification: " + reason
                + "; no token was stored (check the issuer and client id, or report it to the server's administrators)");
    }

    private static JLoginException cancelled() {
        return new JLoginException(JLoginException.Kind.CANCELLED, "login cancelled");
    }
}
