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

    static SavedSettings parse(JsonObject root) throws MalformedJsonException {
        return new SavedSettings(root.string("issuer"), root.requireString("client_id"), root.string("scope"),
                strings(root, "parameters"), strings(root, "endpoints"), root.string("provider").orElse(STANDARD_PROVIDER));
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
