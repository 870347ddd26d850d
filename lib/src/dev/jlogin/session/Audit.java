package dev.jlogin.session;

import dev.jlogin.JLoginException;
import dev.jlogin.config.Policy;
import dev.jlogin.config.Settings;
import dev.jlogin.json.JsonObject;
import dev.jlogin.oauth.ServerMetadata;
import dev.jlogin.oauth.SignedJwt;
import dev.jlogin.oauth.TokenSet;
import dev.jlogin.store.LoginFacts;
import dev.jlogin.store.MetadataCache;
import dev.jlogin.store.SavedSettings;
import dev.jlogin.store.StoredLogin;
import dev.jlogin.store.TokenStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Classifies every profile of a store against the organisation's {@link Policy}. Offline it reads
 * only the store and the discovery cache; online it asks each server for its metadata (whether it
 * can revoke). A profile that cannot be read is reported with its problem, not skipped.
 */
final class Audit {
    private final TokenStore store;
    private final String storeKind;
    private final Policy policy;
    private final MetadataCache cache;
    private final Function<Settings, ServerMetadata> online;
    private final Function<SavedSettings, Settings> settings;
    private final Clock clock;

    /**
     * @param online   the server's metadata for a profile's settings, or null to stay offline
     * @param settings a profile's settings from what it saved
     */
    Audit(TokenStore store, String storeKind, Policy policy, MetadataCache cache, Function<Settings, ServerMetadata> online,
          Function<SavedSettings, Settings> settings, Clock clock) {
        this.store = store;
        this.storeKind = storeKind;
        this.policy = policy;
        this.cache = cache;
        this.online = online;
        this.settings = settings;
        this.clock = clock;
    }

    List<ProfileAudit> profiles() {
        List<ProfileAudit> audits = new ArrayList<>();
        for (String profile : store.profiles()) {
            audits.add(profile(profile));
        }
        return audits;
    }

    private ProfileAudit profile(String profile) {
        Map<String, Object> fields = new LinkedHashMap<>();
        List<ProfileAudit.Violation> violations = new ArrayList<>();
        Map<String, Object> storeFields = new LinkedHashMap<>();
        storeFields.put("kind", storeKind);
        storeFields.put("location", store.backend().describe());
        storeFields.put("protection", store.backend().protection());
        if (policy.stores().isPresent() && !policy.stores().get().contains(storeKind)) {
            violations.add(violation("store", "kept in the " + storeKind + " store"));
        }
        Optional<StoredLogin.Parsed> entry;
        try {
            entry = store.entry(profile);
        } catch (JLoginException e) {
            fields.put("status", "damaged");
            fields.put("problem", e.getMessage());
            fields.put("store", storeFields);
            return new ProfileAudit(profile, fields, violations);
        }
        SavedSettings saved = entry.orElseThrow().settings();
        Optional<StoredLogin> login = entry.get().login();
        fields.put("status", login.isPresent() ? "logged_in" : "logged_out");
        saved.issuer().ifPresent(i -> fields.put("issuer", i));
        fields.put("provider", saved.provider());
        fields.put("client_id", saved.clientId());
        Optional<LoginFacts> facts = login.flatMap(StoredLogin::facts);
        fields.put("client_type", facts.map(LoginFacts::clientType).orElse("unknown"));
        fields.put("flow", facts.map(LoginFacts::flow).orElse("unknown"));
        List<String> scopes = login.flatMap(l -> l.tokens().scope()).or(saved::scope).map(TokenSet::scopes).orElse(List.of());
        fields.put("scopes", scopes);
        facts.flatMap(LoginFacts::accessTokenLifetime).ifPresent(d -> fields.put("access_token_lifetime_s", d.toSeconds()));
        Map<String, Object> refresh = new LinkedHashMap<>();
        refresh.put("present", login.flatMap(l -> l.tokens().refreshToken()).isPresent());
        login.flatMap(l -> l.tokens().refreshToken()).flatMap(SignedJwt::unverifiedClaims).flatMap(Audit::expiry)
                .ifPresent(t -> refresh.put("expires_at", timestamp(t)));
        fields.put("refresh_token", refresh);
        login.filter(l -> !l.targets().isEmpty()).ifPresent(l -> fields.put("targets", l.targetsHeld().stream().map(t -> {
            Map<String, Object> target = t.fields();
            l.targets().get(t).expiresAt().ifPresent(at -> target.put("expires_at", timestamp(at)));
            return target;
        }).toList()));
        facts.ifPresent(f -> fields.put("session_started_at", timestamp(f.startedAt())));
        facts.flatMap(LoginFacts::lastRefreshAt).ifPresent(t -> fields.put("last_refresh_at", timestamp(t)));
        fields.put("store", storeFields);
        String revocation = revocation(saved);
        fields.put("revocation", revocation);
        String idToken = login.isEmpty() ? "none" : facts.map(LoginFacts::idToken).orElse("unknown");
        fields.put("id_token", idToken);
        if (login.isPresent()) {
            checkLogin(facts, scopes, revocation, idToken, violations);
        }
        return new ProfileAudit(profile, fields, violations);
    }

    /** The policy's rules that are about a login, broken by this one. */
    private void checkLogin(Optional<LoginFacts> facts, List<String> scopes, String revocation, String idToken,
                            List<ProfileAudit.Violation> violations) {
        Instant now = clock.instant();
        String unrecorded = "not recorded (the login predates it; log in again)";
        if (policy.maxSession().isPresent()) {
            if (facts.isEmpty()) {
                violations.add(violation("max-session", "the login's start is " + unrecorded));
            } else if (!now.isBefore(facts.get().startedAt().plus(policy.maxSession().get()))) {
                violations.add(violation("max-session", "the login started at " + timestamp(facts.get().startedAt())
                        + ", longer ago than allowed"));
            }
        }
        if (policy.flows().isPresent() && !policy.flows().get().contains(facts.map(LoginFacts::flow).orElse(""))) {
            violations.add(violation("flows", facts.isEmpty() ? "how it logged in is " + unrecorded
                    : "it logged in with the " + facts.get().flow() + " flow"));
        }
        if (policy.requireRevocation() && revocation.equals("none")) {
            violations.add(violation("require-revocation", "its server names no revocation endpoint"));
        }
        if (policy.requireVerifiedIdToken() && !idToken.equals("verified")) {
            violations.add(violation("require-verified-id-token", "its ID token was " + switch (idToken) {
                case "none" -> "not issued";
                case "unknown" -> unrecorded;
                default -> "not verified at login";
            }));
        }
        List<String> extra = policy.beyondScopes(scopes);
        if (!extra.isEmpty()) {
            violations.add(violation("scopes", "it holds the scope " + String.join(" ", extra)));
        }
    }

    private ProfileAudit.Violation violation(String key, String what) {
        return new ProfileAudit.Violation(key, what + ", which the organisation's policy forbids (" + policy.rule(key) + ")");
    }

    /** {@code defined}, {@code none}, or {@code unknown} offline when neither the profile nor the discovery cache says. */
    private String revocation(SavedSettings saved) {
        if (saved.endpoints().containsKey(Settings.REVOCATION_ENDPOINT)) {
            return "defined";
        }
        Optional<ServerMetadata> metadata;
        if (online != null) {
            metadata = Optional.of(online.apply(settings.apply(saved)));
        } else {
            metadata = saved.issuer().flatMap(cache::get);
        }
        return metadata.map(m -> m.revocationEndpoint().isPresent() ? "defined" : "none").orElse("unknown");
    }

    /** As every timestamp in JSON output: ISO 8601 in UTC to the second. */
    private static String timestamp(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A refresh token's expiry, where it is a JWT that says (Keycloak's are); not verified: it is only reported. */
    private static Optional<Instant> expiry(JsonObject claims) {
        try {
            var exp = claims.integer("exp");
            return exp.isPresent() ? Optional.of(Instant.ofEpochSecond(exp.getAsLong())) : Optional.empty();
        } catch (dev.jlogin.json.MalformedJsonException e) {
            return Optional.empty();
        }
    }
}
