package dev.jlogin.store;

import dev.jlogin.Secret;
import dev.jlogin.json.Json;
import dev.jlogin.json.JsonObject;
import dev.jlogin.json.MalformedJsonException;
import dev.jlogin.oauth.TokenSet;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One profile's file: the settings the login was made with (so later commands need no flags),
 * the tokens, and the {@link LoginFacts} (how and when it was made and refreshed, for the
 * organisation's policy and audit). Never the client secret. A file without tokens (after
 * {@code revoke}) holds only the {@link SavedSettings}.
 */
public record StoredLogin(Optional<String> issuer, String clientId, Optional<String> scope,
                          Map<String, String> parameters, Map<String, String> endpoints, TokenSet tokens,
                          String provider, Optional<LoginFacts> facts) {
    static final int FORMAT = 1;

    public StoredLogin {
        parameters = Map.copyOf(parameters);
        endpoints = Map.copyOf(endpoints);
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
        return new StoredLogin(issuer, clientId, scope, parameters, endpoints, tokens, provider, Optional.of(facts));
    }

    /** When the login was made, where that was recorded. */
    public Optional<Instant> sessionStartedAt() {
        return facts.map(LoginFacts::startedAt);
    }

    public SavedSettings settings() {
        return new SavedSettings(issuer, clientId, scope, parameters, endpoints, provider);
    }

    public StoredLogin withTokens(TokenSet newTokens) {
        return new StoredLogin(issuer, clientId, scope, parameters, endpoints, newTokens, provider, facts);
    }

    byte[] toBytes() {
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
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        settings().writeTo(root);
        root.put("tokens", tokenFields);
        facts.ifPresent(f -> f.writeTo(root));
        return Json.writePretty(root).getBytes(StandardCharsets.UTF_8);
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
        Optional<Instant> expiresAt = LoginFacts.instant(t.get(), "expires_at");
        Optional<LoginFacts> facts = LoginFacts.parse(root);
        TokenSet tokens = new TokenSet(Secret.of(TokenSet.requireBearerToken(t.get().requireString("access_token"))),
                TokenSet.requireBearerType(t.get().requireString("token_type")),
                t.get().string("refresh_token").map(Secret::ofNullable), t.get().string("id_token").map(Secret::ofNullable),
                expiresAt, t.get().string("scope"), SavedSettings.strings(t.get(), "account"));
        StoredLogin login = settings.withTokens(tokens);
        return new Parsed(settings, Optional.of(facts.isPresent() ? login.with(facts.get()) : login));
    }
}
