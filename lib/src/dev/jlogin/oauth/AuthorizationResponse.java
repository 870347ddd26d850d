package dev.jlogin.oauth;

import dev.jlogin.Secret;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the browser brings back to the redirect URI (RFC 6749 §4.1.2, errors §4.1.2.1), read from
 * its query. A parameter given twice makes the answer unusable (§3.1: parameters must not be
 * repeated), so nobody can slip a second state or code in beside the real one.
 */
public final class AuthorizationResponse {
    private final Map<String, String> parameters;
    private final boolean repeated;

    private AuthorizationResponse(Map<String, String> parameters, boolean repeated) {
        this.parameters = parameters;
        this.repeated = repeated;
    }

    /** Reads a raw (still encoded) query; null or empty reads as an answer with nothing in it. */
    public static AuthorizationResponse parse(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        boolean repeated = false;
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                repeated |= parameters.put(name, value) != null;
            }
        }
        return new AuthorizationResponse(parameters, repeated);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /**
     * Whether this answer belongs to the request that sent {@code expected}: compared in constant
     * time, so another local process probing the listener learns nothing from how fast it fails.
     */
    public boolean answers(String expected) {
        String state = parameters.get("state");
        return !repeated && state != null
                && MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    /** The authorization code, unless the server answered with an error. */
    public Optional<Secret> code() {
        return error().isPresent() ? Optional.empty() : Optional.ofNullable(Secret.ofNullable(parameters.get("code")));
    }

    /** The server's error ({@code access_denied}, ...); its description is server text. */
    public Optional<OAuthError> error() {
        String code = parameters.get("error");
        return code == null || code.isBlank() ? Optional.empty()
                : Optional.of(new OAuthError(code, Optional.ofNullable(parameters.get("error_description")), Optional.empty()));
    }

    /**
     * What is wrong with the answer's issuer (RFC 9207 §2.4), if anything: when it names one, it
     * must be {@code issuer} exactly; when the server says it always names one, it must be there.
     * This stops a mix-up: a code from another server, sent to this one's token endpoint.
     */
    public Optional<String> issuerProblem(String issuer, boolean required) {
        String iss = parameters.get("iss");
        if (iss == null) {
            return required ? Optional.of("the answer names no issuer, although the server says it always does (RFC 9207)")
                    : Optional.empty();
        }
        return iss.equals(issuer) ? Optional.empty()
                : Optional.of("the answer comes from another issuer than " + issuer + " (RFC 9207 mix-up check)");
    }
}
