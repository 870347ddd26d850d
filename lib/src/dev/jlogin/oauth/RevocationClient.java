package dev.jlogin.oauth;

import dev.jlogin.JLoginException;
import dev.jlogin.Secret;
import dev.jlogin.http.HttpResult;
import dev.jlogin.http.HttpSender;
import dev.jlogin.json.JsonObject;
import dev.jlogin.json.MalformedJsonException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Token revocation (RFC 7009). A public client identifies itself with {@code client_id}. */
public final class RevocationClient {
    private final HttpSender http;

    public RevocationClient(HttpSender http) {
        this.http = http;
    }

    /**
     * Revokes one token; {@code hint} is {@code refresh_token} or {@code access_token}. RFC 7009
     * §2.2: 200 means revoked, or already invalid; anything else is a failure.
     */
    public void revoke(URI endpoint, Client client, Secret token, String hint) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", token.reveal());
        form.put("token_type_hint", hint);
        client.authenticate(form);
        HttpResult result = http.postForm(endpoint, form);
        if (result.status() == 200) {
            return;
        }
        Optional<OAuthError> error;
        try {
            error = OAuthError.from(JsonObject.parse(result.body()));
        } catch (MalformedJsonException e) {
            error = Optional.empty(); // the status alone says what happened
        }
        throw new JLoginException(JLoginException.Kind.SERVER, "revocation refused: "
                + error.map(OAuthError::summary).orElse("HTTP " + result.status()), error.map(OAuthError::code).orElse(null));
    }
}
