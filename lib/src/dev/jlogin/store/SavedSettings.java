package dev.jlogin.store;

import dev.jlogin.json.Json;
import dev.jlogin.json.JsonObject;
import dev.jlogin.json.MalformedJsonException;
import dev.jlogin.oauth.TokenSet;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The settings a profile was logged in with, so that later commands need no flags. They outlive
 * the tokens: after {@code revoke} the profile still knows where to log in again. {@code provider}
 * is the preset's name; a file without one was written for a standard OIDC server.
 */
public record SavedSettings(Optional<String> issuer, String clientId, Optional<String> scope,
                            Map<String, String> parameters, Map<String, String> endpoints, String provider) {
    static final String STANDARD_PROVIDER = "oidc";
    /** The key of the token endpoint in {@code endpoints}, as discovery names it (RFC 8414). */
    static final String TOKEN_ENDPOINT = "token_endpoint";

    public SavedSettings {
        parameters = Map.copyOf(parameters);
        endpoints = Map.copyOf(endpoints);
    }

    /** The file's form: the settings and no tokens. */
    byte[] toBytes() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", StoredLogin.FORMAT);
        writeTo(root);
        return Json.writePretty(root).getBytes(StandardCharsets.UTF_8);
    }

    StoredLogin withTokens(TokenSet tokens) {
        return new StoredLogin(issuer, clientId, scope, parameters, endpoints, tokens, provider);
    }

    void writeTo(Map<String, Object> root) {
        issuer.ifPresent(i -> root.put("issuer", i));
        root.put("client_id", clientId);
        scope.ifPresent(s -> root.put("scope", s));
        root.put("parameters", parameters);
        root.put("endpoints", endpoints);
        if (!provider.equals(STANDARD_PROVIDER)) {
            root.put("provider", provider);
        }
    }

    /** Read back; a login that names no server (neither issuer nor token endpoint) could never be refreshed. */
    static SavedSettings parse(JsonObject root) throws MalformedJsonException {
        SavedSettings settings = new SavedSettings(root.string("issuer"), root.requireString("client_id"),
                root.string("scope"), strings(root, "parameters"), strings(root, "endpoints"),
                root.string("provider").orElse(STANDARD_PROVIDER));
        // a preset knows its provider's public base URL; a standard server must be named
        if (settings.provider().equals(STANDARD_PROVIDER) && settings.issuer().isEmpty()
                && !settings.endpoints().containsKey(TOKEN_ENDPOINT)) {
            throw new MalformedJsonException("neither an issuer nor a token endpoint");
        }
        return settings;
    }

    static Map<String, String> strings(JsonObject root, String name) throws MalformedJsonException {
        Map<String, String> result = new LinkedHashMap<>();
        Optional<JsonObject> object = root.object(name);
        if (object.isPresent()) {
            for (String key : object.get().asMap().keySet()) {
                result.put(key, object.get().requireString(key));
            }
        }
        return result;
    }
}
