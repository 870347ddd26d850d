package dev.jlogin.store;

import dev.jlogin.Secret;
import dev.jlogin.json.Json;
import dev.jlogin.json.JsonObject;
import dev.jlogin.json.MalformedJsonException;
import dev.jlogin.oauth.TokenRequest;
import dev.jlogin.oauth.TokenSet;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One profile's file: the settings the login was made with (so later commands need no flags),
 * the tokens, and the {@link LoginFacts} (how and when it was made and refreshed, for the
 * organisation's policy and audit), and the tokens obtained from it for other APIs
 * ({@code targets}: access tokens only, each apart from the login's own). Never the client
 * secret. A file without tokens (after {@code revoke}) holds only the {@link SavedSettings}.
 */
public record StoredLogin(Optional<String> issuer, String clientId, Optional<String> scope,
                          Map<String, String> parameters, Map<String, String> endpoints, TokenSet tokens,
                          String provider, Optional<LoginFacts> facts, Map<TokenRequest, TokenSet> targets) {
    static final int FORMAT = 1;

    public StoredLogin {
        parameters = Map.copyOf(parameters);
        endpoints = Map.copyOf(endpoints);
        targets = Map.copyOf(targets);
    }

    /** A login with no tokens for other APIs yet. */
    public StoredLogin(Optional<String> issuer, String clientId, Optional<String> scope,
                       Map<String, String> parameters, Map<String, String> endpoints, TokenSet tokens,
                       String provider, Optional<LoginFacts> facts) {
        this(issuer, clientId, scope, parameters, endpoints, tokens, provider, facts, Map.of());
    }

    /** A login to a standard OIDC server. */
    public StoredLogin(Optional<String> issuer, String clientId, Optional<String> scope,
                       Map<String, String> parameters, Map<String, String> endpoints, TokenSet tokens) {
        this(issuer, clientId, scope, parameters, endpoints, tokens, SavedSettings.STANDARD_PROVIDER);
    }

    /** A login to a server of {@code provider}, of unknown start. */
    public StoredLogin(Optional<String> issuer, String clientId, Optional<String> scope,
                       Map<String, String> parameters, Map<String, String> endpoints, TokenSet tokens, String provider) {
        this(issuer, clientId, scope, parameters, endpoints, tokens, provider, Optional.empty());
    }

    /** This login with {@code facts} on how it was made. */
    public StoredLogin with(LoginFacts facts) {
        return new StoredLogin(issuer, clientId, scope, parameters, endpoints, tokens, provider, Optional.of(facts), targets);
    }

    /** This login holding {@code token} (its access token alone) for {@code target}, in place of any before. */
    public StoredLogin withTarget(TokenRequest target, TokenSet token) {
        Map<TokenRequest, TokenSet> all = new java.util.HashMap<>(targets);
        all.put(target, new TokenSet(token.accessToken(), token.tokenType(), Optional.empty(), Optional.empty(),
                token.expiresAt(), token.scope()));
        return new StoredLogin(issuer, clientId, scope, parameters, endpoints, tokens, provider, facts, all);
    }

    /** The requests this login holds tokens for, in a stable order, for listings. */
    public java.util.List<TokenRequest> targetsHeld() {
        return targets.keySet().stream().sorted(java.util.Comparator.comparing(TokenRequest::describe)).toList();
    }

    /** When the login was made, where that was recorded. */
    public Optional<Instant> sessionStartedAt() {
        return facts.map(LoginFacts::startedAt);
    }

    public SavedSettings settings() {
        return new SavedSettings(issuer, clientId, scope, parameters, endpoints, provider);
    }

    public StoredLogin withTokens(TokenSet newTokens) {
        return new StoredLogin(issuer, clientId, scope, parameters, endpoints, newTokens, provider, facts, targets);
    }

    byte[] toBytes() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        settings().writeTo(root);
        root.put("tokens", fields(tokens));
        facts.ifPresent(f -> f.writeTo(root));
        if (!targets.isEmpty()) {
            root.put("targets", targetsHeld().stream().map(target -> {
                Map<String, Object> entry = target.fields();
                entry.put("tokens", fields(targets.get(target)));
                return entry;
            }).toList());
        }
        return Json.writePretty(root).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> fields(TokenSet tokens) {
        Map<String, Object> tokenFields = new LinkedHashMap<>();
        tokenFields.put("access_token", tokens.accessToken().reveal());
        tokenFields.put("token_type", tokens.tokenType());
        tokens.refreshToken().ifPresent(t -> tokenFields.put("refresh_token", t.reveal()));
        tokens.idToken().ifPresent(t -> tokenFields.put("id_token", t.reveal()));
        tokens.expiresAt().ifPresent(t -> tokenFields.put("expires_at", t.toString()));
        tokens.scope().ifPresent(s -> tokenFields.put("scope", s));
        if (!tokens.account().isEmpty()) {
            tokenFields.put("account", tokens.account());
        }
        return tokenFields;
    }

    /** The profile's settings, and its login when the file holds tokens. */
    public record Parsed(SavedSettings settings, Optional<StoredLogin> login) {
    }

    static Parsed parse(String text) throws MalformedJsonException {
        JsonObject root = JsonObject.parse(text);
        long format = root.integer("format").orElseThrow(() -> new MalformedJsonException("'format' is missing"));
        if (format != FORMAT) {
            throw new MalformedJsonException("unknown format " + format);
        }
        SavedSettings settings = SavedSettings.parse(root);
        Optional<JsonObject> t = root.object("tokens");
        if (t.isEmpty()) {
            return new Parsed(settings, Optional.empty());
        }
        Optional<LoginFacts> facts = LoginFacts.parse(root);
        StoredLogin login = settings.withTokens(tokens(t.get()));
        if (facts.isPresent()) {
            login = login.with(facts.get());
        }
        for (JsonObject entry : root.objects("targets").orElse(java.util.List.of())) {
            login = login.withTarget(new TokenRequest(entry.string("audience"), entry.string("resource"), entry.string("scope")),
                    tokens(entry.object("tokens").orElseThrow(() -> new MalformedJsonException("a target's 'tokens' is missing"))));
        }
        return new Parsed(settings, Optional.of(login));
    }

    private static TokenSet tokens(JsonObject t) throws MalformedJsonException {
        return new TokenSet(Secret.of(TokenSet.requireBearerToken(t.requireString("access_token"))),
                TokenSet.requireBearerType(t.requireString("token_type")),
                t.string("refresh_token").map(Secret::ofNullable), t.string("id_token").map(Secret::ofNullable),
                LoginFacts.instant(t, "expires_at"), t.string("scope"), SavedSettings.strings(t, "account"));
    }
}
