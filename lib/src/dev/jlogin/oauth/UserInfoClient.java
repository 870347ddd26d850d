package dev.jlogin.oauth;

import dev.jlogin.JLoginException;
import dev.jlogin.Secret;
import dev.jlogin.http.HttpResult;
import dev.jlogin.http.HttpSender;
import dev.jlogin.json.JsonObject;
import dev.jlogin.json.MalformedJsonException;
import java.net.URI;

/**
 * OIDC Core §5.3 userinfo: who the access token belongs to. Also a provider's own profile API
 * (GitHub's {@code GET /user}), which answers with its own fields and no {@code sub}.
 */
public final class UserInfoClient {
    private final HttpSender http;

    public UserInfoClient(HttpSender http) {
        this.http = http;
    }

    public JsonObject fetch(URI endpoint, Secret accessToken) {
        return claims(get(endpoint, accessToken));
    }

    /** A profile API's answer: any JSON object; the caller knows its fields. */
    public JsonObject fetchProfile(URI endpoint, Secret accessToken) {
        try {
            return JsonObject.parse(get(endpoint, accessToken));
        } catch (MalformedJsonException e) {
            throw new JLoginException(JLoginException.Kind.SERVER, "user profile response is malformed: " + e.getMessage(), e);
        }
    }

    private String get(URI endpoint, Secret accessToken) {
        HttpResult result = http.get(endpoint, accessToken);
        if (result.status() == 401 || result.status() == 403) {
            throw new JLoginException(JLoginException.Kind.LOGIN_REQUIRED,
                    "the server no longer accepts the access token (userinfo answered HTTP " + result.status() + ")");
        }
        if (!result.isSuccess()) {
            throw new JLoginException(JLoginException.Kind.SERVER, "userinfo answered HTTP " + result.status());
        }
        return result.body();
    }

    /** A userinfo response (OIDC Core §5.3.2): a JSON object with at least a subject. */
    static JsonObject claims(String body) {
        try {
            JsonObject claims = JsonObject.parse(body);
            claims.requireString("sub");
            return claims;
        } catch (MalformedJsonException e) {
            throw new JLoginException(JLoginException.Kind.SERVER, "userinfo response is malformed: " + e.getMessage(), e);
        }
    }
}
