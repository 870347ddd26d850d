package dev.jlogin.oauth;

import dev.jlogin.json.JsonObject;
import dev.jlogin.json.MalformedJsonException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * An error response (RFC 6749 §5.2, RFC 8628 §3.5). {@code interval} is what GitHub sends with
 * {@code slow_down}. The description is server text: callers sanitise it before showing it.
 */
public record OAuthError(String code, Optional<String> description, Optional<Duration> interval) {
    /**
     * Answers that mean "this client is not set up for this", i.e. fix the configuration: the
     * RFCs' codes, and GitHub's for a device flow that is not enabled or a client it does not know.
     */
    private static final Set<String> CONFIGURATION_ERRORS = Set.of("invalid_client", "unauthorized_client",
            "invalid_scope", "unsupported_grant_type", "device_flow_disabled", "incorrect_client_credentials");

    /**
     * The error in {@code json}, if it names one. A malformed code is itself the error
     * ({@code invalid_response}); a malformed description or interval beside a real code is left
     * out, so that the code (what the caller acts on) survives a server's odd extra.
     */
    public static Optional<OAuthError> from(JsonObject json) {
        Optional<String> code;
        try {
            code = json.string("error");
        } catch (MalformedJsonException e) {
            return Optional.of(new OAuthError("invalid_response", Optional.of(e.getMessage()), Optional.empty()));
        }
        if (code.isEmpty() || code.get().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new OAuthError(code.get(), lenient(() -> json.string("error_description")),
                lenient(() -> json.has("interval") ? Optional.of(Duration.ofSeconds(json.integer("interval").getAsLong()))
                        : Optional.empty())));
    }

    private interface Field<T> {
        Optional<T> read() throws MalformedJsonException;
    }

    private static <T> Optional<T> lenient(Field<T> field) {
        try {
            return field.read();
        } catch (MalformedJsonException e) {
            return Optional.empty();
        }
    }

    /**
     * "code: description", for one-line messages. Only the description's first line: Entra appends
     * trace and correlation ids, timestamps and a support link on further lines.
     */
    public String summary() {
        return headline().map(d -> code + ": " + d).orElse(code);
    }

    /** The description's first line, where a server's own words for the error are. */
    Optional<String> headline() {
        return description.map(d -> d.strip().split("\\R", 2)[0].strip()).filter(d -> !d.isBlank());
    }

    /** Whether the server blames the client's registration or settings rather than this attempt. */
    public boolean blamesConfiguration() {
        return CONFIGURATION_ERRORS.contains(code);
    }

    /** The code a description starts with, such as {@code AADSTS50059} in "AADSTS50059: No tenant…". */
    static String leadingCode(String description) {
        int colon = description.indexOf(':');
        return colon > 0 ? description.substring(0, colon).strip() : "";
    }
}
