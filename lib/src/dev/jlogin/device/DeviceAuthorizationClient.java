package dev.jlogin.device;

import dev.jlogin.JLoginException;
import dev.jlogin.Secret;
import dev.jlogin.http.HttpLog;
import dev.jlogin.http.HttpResult;
import dev.jlogin.http.HttpSender;
import dev.jlogin.json.JsonObject;
import dev.jlogin.json.MalformedJsonException;
import dev.jlogin.oauth.Bounded;
import dev.jlogin.oauth.Client;
import dev.jlogin.oauth.Dialect;
import dev.jlogin.oauth.NotJson;
import dev.jlogin.oauth.OAuthError;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Starts a device login: RFC 8628 §3.1 request, §3.2 response parsed strictly. */
public final class DeviceAuthorizationClient {
    private final HttpSender http;
    private final Dialect dialect;

    public DeviceAuthorizationClient(HttpSender http) {
        this(http, Dialect.STANDARD);
    }

    public DeviceAuthorizationClient(HttpSender http, Dialect dialect) {
        this.http = http;
        this.dialect = dialect;
    }

    public DeviceAuthorization request(URI endpoint, Client client, String scope, Map<String, String> extraParameters) {
        Map<String, String> form = new LinkedHashMap<>(extraParameters);
        client.authenticate(form);
        if (scope != null && !scope.isBlank()) {
            form.put("scope", scope);
        }
        HttpResult result = http.postForm(endpoint, form);
        JsonObject json;
        try {
            json = JsonObject.parse(result.body());
        } catch (MalformedJsonException e) {
            throw new JLoginException(JLoginException.Kind.SERVER,
                    NotJson.describe("device authorization endpoint", result, e));
        }
        Optional<OAuthError> error = OAuthError.from(json);
        if (error.isPresent() || !result.isSuccess()) {
            String what = error.map(e -> dialect.explain(e, client.refusalAdvice(e, result.status(), dialect)))
                    .orElse("HTTP " + result.status());
            boolean config = error.map(dialect::blamesConfiguration).orElse(false);
            throw new JLoginException(config ? JLoginException.Kind.CONFIGURATION : JLoginException.Kind.SERVER,
                    "device authorization refused: " + what, error.map(OAuthError::code).orElse(null));
        }
        try {
            return parse(json, http.log());
        } catch (MalformedJsonException e) {
            throw new JLoginException(JLoginException.Kind.SERVER, "device authorization response is malformed: " + e.getMessage(), e);
        }
    }

    public static DeviceAuthorization parse(JsonObject json, HttpLog notes) throws MalformedJsonException {
        Secret deviceCode = Secret.of(json.requireString("device_code"));
        String userCode = json.requireString("user_code");
        // Google spells it verification_url
        Optional<String> given = json.string("verification_uri");
        if (given.isEmpty()) {
            given = json.string("verification_url");
        }
        String uri = given.orElseThrow(() -> new MalformedJsonException("'verification_uri' is missing"));
        Optional<URI> complete = json.string("verification_uri_complete").map(u -> link("verification_uri_complete", u));
        long expiresIn = json.integer("expires_in").orElseThrow(() -> new MalformedJsonException("'expires_in' is missing"));
        if (expiresIn <= 0) {
            throw new MalformedJsonException("'expires_in' must be positive");
        }
        long interval = json.integer("interval").orElse(DeviceAuthorization.DEFAULT_INTERVAL.toSeconds());
        if (interval < 0) {
            throw new MalformedJsonException("'interval' must not be negative");
        }
        // an interval of 0 would have us hammer the server; one second is the floor
        return new DeviceAuthorization(deviceCode, userCode, link("verification_uri", uri), complete,
                Duration.ofSeconds(Bounded.seconds("expires_in", expiresIn, 1, DeviceAuthorization.MAX_LIFETIME.toSeconds(), notes)),
                Duration.ofSeconds(Bounded.seconds("interval", interval, 1, DeviceAuthorization.MAX_INTERVAL.toSeconds(), notes)),
                json.string("message").filter(m -> !m.isBlank()));
    }

    /**
     * A verification link is shown and maybe opened: it must be an absolute http(s) URL, and one
     * without user info, which makes {@code https://accounts.example.com@evil.example/} look like
     * a link to the first host.
     */
    private static URI link(String name, String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (uri.getRawUserInfo() != null) {
                throw new JLoginException(JLoginException.Kind.SERVER, "device authorization response has a " + name
                        + " with user info before its host, which disguises where it leads; refused");
            }
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new JLoginException(JLoginException.Kind.SERVER, "device authorization response has an unusable " + name
                + " (must be an http or https URL)");
    }
}
