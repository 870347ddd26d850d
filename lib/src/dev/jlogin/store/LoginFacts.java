package dev.jlogin.store;

import dev.jlogin.json.JsonObject;
import dev.jlogin.json.MalformedJsonException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How a login was made and has been kept up, for the organisation's policy and {@code audit}:
 * when it started, in which flow, by what kind of client, what its ID token's check said, how long
 * its access tokens live as issued, and when it was last refreshed. Never a token, nor anything
 * derived from one. Logins stored before these were kept have none.
 *
 * @param flow       {@code device} or {@code browser}
 * @param clientType {@code public}, or {@code confidential} when a client secret was sent
 * @param idToken    the ID token's check at login: {@code verified}, {@code unchecked}, or {@code none}
 */
public record LoginFacts(Instant startedAt, String flow, String clientType, String idToken,
                         Optional<Duration> accessTokenLifetime, Optional<Instant> lastRefreshAt) {

    /** The facts after a refresh at {@code at} that issued an access token living {@code lifetime}. */
    public LoginFacts refreshed(Instant at, Optional<Duration> lifetime) {
        return new LoginFacts(startedAt, flow, clientType, idToken, lifetime, Optional.of(at));
    }

    void writeTo(Map<String, Object> root) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("started_at", startedAt.toString());
        fields.put("flow", flow);
        fields.put("client_type", clientType);
        fields.put("id_token", idToken);
        accessTokenLifetime.ifPresent(d -> fields.put("access_token_lifetime_s", d.toSeconds()));
        lastRefreshAt.ifPresent(t -> fields.put("last_refresh_at", t.toString()));
        root.put("session", fields);
    }

    static Optional<LoginFacts> parse(JsonObject root) throws MalformedJsonException {
        Optional<JsonObject> session = root.object("session");
        if (session.isEmpty()) {
            return Optional.empty();
        }
        JsonObject s = session.get();
        OptionalLong lifetime = s.integer("access_token_lifetime_s");
        return Optional.of(new LoginFacts(instant(s, "started_at").orElseThrow(() -> new MalformedJsonException(
                "'session' has no 'started_at'")), s.requireString("flow"), s.requireString("client_type"),
                s.requireString("id_token"), lifetime.isPresent() ? Optional.of(Duration.ofSeconds(lifetime.getAsLong())) : Optional.empty(),
                instant(s, "last_refresh_at")));
    }

    static Optional<Instant> instant(JsonObject object, String name) throws MalformedJsonException {
        try {
            return object.string(name).map(UtcInstant::parse);
        } catch (DateTimeException e) {
            throw new MalformedJsonException("'" + name + "' is not a time");
        }
    }
}
