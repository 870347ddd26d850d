package dev.jlogin.oauth;

import dev.jlogin.json.JsonObject;
import dev.jlogin.json.MalformedJsonException;
import java.time.Duration;
import java.util.Optional;

/**
 * An error response (RFC 6749 §5.2, RFC 8628 §3.5). {@code interval} is what GitHub sends with
 * {@code slow_down}. The description is server text: callers sanitise it before showing it.
 */
public record OAuthError(String code, Optional<String> description, Optional<Duration> interval) {

    static Optional<OAuthError> from(JsonObject json) {
        try {
            Optional<String> code = json.string("error");
            if (code.isEmpty() || code.get().isBlank()) {
                return Optional.empty();
            }
            Optional<Duration> interval = json.has("interval")
                    ? Optional.of(Duration.ofSeconds(json.integer("interval").getAsLong()))
                    : Optional.empty();
            return Optional.of(new OAuthError(code.get(), json.string("error_description"), interval));
        } catch (MalformedJsonException e) {
            return Optional.of(new OAuthError("invalid_response", Optional.of(e.getMessage()), Optional.empty()));
        }
    }

    /** "code: description", for one-line messages. */
    public String summary() {
        return description.filter(d -> !d.isBlank()).map(d -> code + ": " + d).orElse(code);
    }
}
