package dev.jlogin.session;

import dev.jlogin.JLoginException;
import dev.jlogin.config.LoginFlow;
import dev.jlogin.config.Policy;
import dev.jlogin.config.Settings;
import dev.jlogin.oauth.Dialect;
import dev.jlogin.oauth.IdTokenCheck;
import dev.jlogin.oauth.IdTokenVerifier;
import dev.jlogin.oauth.OAuthError;
import dev.jlogin.oauth.ServerMetadata;
import dev.jlogin.oauth.TokenSet;
import dev.jlogin.store.LifecycleLog;
import dev.jlogin.store.LoginFacts;
import dev.jlogin.store.ProfileLock;
import dev.jlogin.store.StoredLogin;
import dev.jlogin.store.TokenStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What both login flows do around the person's approval: make sure the organisation's policy
 * allows the login and the store can take the tokens before anything is asked of anyone, remember
 * settings the server accepted (so a retry needs no flags), and keep the tokens once issued: the
 * ID token checked, then stored under the profile's lock with the login's start, or kept in a
 * recovery file when the store fails after approval.
 */
final class NewLogin {
    private final TokenStore store;
    private final IdTokenVerifier idTokens;
    private final Consumer<String> notices;
    private final Clock clock;
    private final Policy policy;
    private final LifecycleLog log;

    NewLogin(TokenStore store, IdTokenVerifier idTokens, Consumer<String> notices, Clock clock, Policy policy, LifecycleLog log) {
        this.store = store;
        this.idTokens = idTokens;
        this.notices = notices;
        this.clock = clock;
        this.policy = policy;
        this.log = log;
    }

    /** A stored login with its ID token's check, so that describing it does not check (and fetch keys) again. */
    record Approved(StoredLogin login, Optional<IdTokenCheck> idTokenCheck) {
    }

    /**
     * A login the policy forbids (its flow, its scopes, a server that cannot revoke) or a store
     * that cannot take the tokens is refused before the user approves anything.
     */
    void checkAllowed(Settings settings, ServerMetadata metadata, LoginFlow flow) {
        String flowName = flow.name().toLowerCase(Locale.ROOT);
        Optional<Set<String>> flows = policy.flows();
        if (flows.isPresent() && !flows.get().contains(flowName)) {
            throw refused(settings, "flows", policy.refusal("flows", "a login in the " + flowName + " flow was asked for",
                    "log in with --flow " + flows.get().iterator().next() + " (or JLOGIN_FLOW)"));
        }
        try {
            policy.checkScopes("the login", settings.scope());
        } catch (JLoginException e) {
            throw refused(settings, "scopes", e);
        }
        if (policy.requireRevocation() && metadata.revocationEndpoint().isEmpty()) {
            throw refused(settings, "require-revocation", policy.refusal("require-revocation", "the server names no revocation"
                    + " endpoint, so this login could not be revoked", "give it with --revocation-endpoint if the server has"
                    + " one, or ask the platform team"));
        }
        try (ProfileLock lock = store.lock(settings.profile())) {
            store.checkWritable(settings.profile());
        }
    }

    /** The server took these settings: a retry after an expired, denied or abandoned login needs no flags. */
    void remember(Settings settings) {
        try (ProfileLock lock = store.lock(settings.profile())) {
            store.rememberSettings(settings.profile(), settings.saved());
        }
    }

    /** Checks the ID token of {@code tokens}, freshly issued in {@code flow}, and stores them with the login's facts. */
    Approved keep(Settings settings, ServerMetadata metadata, LoginFlow flow, TokenSet tokens, String approval) {
        Optional<IdTokenCheck> check = tokens.idToken().map(idToken -> idTokens.check(idToken, metadata,
                settings.provider().idTokenIssuers(metadata.issuer()), settings.clientId()));
        check.ifPresent(this::checkIdToken);
        if (policy.requireVerifiedIdToken() && !(check.orElse(null) instanceof IdTokenCheck.Verified)) {
            throw refused(settings, "require-verified-id-token", policy.refusal("require-verified-id-token", check.isEmpty()
                    ? "the server issued no ID token" : "the ID token could not be verified", "ask for the openid scope of a"
                    + " server that publishes its keys (jwks_uri); no token was stored"));
        }
        Instant now = clock.instant();
        LoginFacts facts = new LoginFacts(now, flow.name().toLowerCase(Locale.ROOT),
                settings.clientSecret().isPresent() ? "confidential" : "public",
                check.isEmpty() ? "none" : check.get() instanceof IdTokenCheck.Verified ? "verified" : "unchecked",
                TokenManager.lifetime(tokens, now), Optional.empty());
        StoredLogin login = settings.login(tokens).with(facts);
        try (ProfileLock lock = store.lock(settings.profile())) {
            store.write(settings.profile(), login);
        } catch (JLoginException e) {
            if (e.kind() != JLoginException.Kind.STORE) {
                throw e;
            }
            throw new JLoginException(JLoginException.Kind.STORE, e.getMessage() + "; "
                    + store.recoveryNote(settings.profile(), login, approval), e);
        }
        log.record("login", settings.profile(), Optional.of(settings.saved()), Optional.of(tokens),
                Map.of("flow", facts.flow(), "client_type", facts.clientType()));
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

    /** A policy refusal, logged before it is thrown. */
    private JLoginException refused(Settings settings, String rule, JLoginException refusal) {
        log.record("policy_refusal", settings.profile(), Optional.of(settings.saved()), Optional.empty(), Map.of("rule", rule));
        return refusal;
    }

    /** The server's refusal of the login, in the provider's words: a configuration error where the client is not set up for it. */
    static JLoginException failed(Settings settings, OAuthError error) {
        Dialect dialect = settings.provider().dialect();
        Optional<String> refusal = settings.client().refusalAdvice(error, 0, dialect);
        boolean configuration = refusal.isPresent() || dialect.blamesConfiguration(error);
        return new JLoginException(configuration ? JLoginException.Kind.CONFIGURATION : JLoginException.Kind.SERVER,
                "login failed: " + dialect.explain(error, refusal), error.code());
    }

    /** The person said no (the device flow's denial, or the browser's {@code access_denied}). */
    static JLoginException denied(OAuthError error) {
        return new JLoginException(JLoginException.Kind.DENIED, "the login request was denied"
                + error.description().map(d -> " (" + d + ")").orElse(""), error.code());
    }

    static JLoginException cancelled() {
        return new JLoginException(JLoginException.Kind.CANCELLED, "login cancelled");
    }
}
