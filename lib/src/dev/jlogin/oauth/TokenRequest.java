package dev.jlogin.oauth;

import dev.jlogin.JLoginException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which API a token is for, asked of the server beside the login's own token: a logical
 * {@code audience} (RFC 8693 §2.1), a {@code resource} URI (RFC 8707 §2: absolute, no fragment) and
 * a {@code scope} (RFC 6749 §3.3), at least one of them. Equal requests share one stored token.
 *
 * <pre>{@code
 * jl.token(TokenRequest.audience("orders-api"));
 * jl.token(TokenRequest.resource(URI.create("https://orders.example.com/")).withScope("orders:read"));
 * }</pre>
 */
public record TokenRequest(Optional<String> audience, Optional<String> resource, Optional<String> scope) {
    private static final int MAX_LENGTH = 2048;

    public TokenRequest {
        audience.ifPresent(a -> checkText("audience", a));
        resource.ifPresent(TokenRequest::checkResource);
        scope.ifPresent(s -> checkText("scope", s));
        if (audience.isEmpty() && resource.isEmpty() && scope.isEmpty()) {
            throw new JLoginException(JLoginException.Kind.CONFIGURATION, "a token request names an audience, a resource or a scope");
        }
    }

    // written out: a record's generated equals and hashCode bootstrap method handles on first use,
    // about 20 ms of every token call that reads a login holding tokens for other APIs
    @Override
    public boolean equals(Object other) {
        return other instanceof TokenRequest that && audience.equals(that.audience) && resource.equals(that.resource)
                && scope.equals(that.scope);
    }

    @Override
    public int hashCode() {
        return (audience.hashCode() * 31 + resource.hashCode()) * 31 + scope.hashCode();
    }

    public static TokenRequest audience(String audience) {
        return new TokenRequest(Optional.of(audience), Optional.empty(), Optional.empty());
    }

    public static TokenRequest resource(URI resource) {
        return new TokenRequest(Optional.empty(), Optional.of(resource.toString()), Optional.empty());
    }

    public static TokenRequest scope(String scope) {
        return new TokenRequest(Optional.empty(), Optional.empty(), Optional.of(scope));
    }

    /** This request, also asking for {@code scope}. */
    public TokenRequest withScope(String scope) {
        return new TokenRequest(audience, resource, Optional.of(scope));
    }

    /** Its parts by their parameter names ({@code audience}, {@code resource}, {@code scope}), as files and JSON hold them. */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        audience.ifPresent(a -> fields.put("audience", a));
        resource.ifPresent(r -> fields.put("resource", r));
        scope.ifPresent(s -> fields.put("scope", s));
        return fields;
    }

    /** As the user would name it, for messages and listings: {@code audience orders-api, scope read}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        audience.ifPresent(a -> parts.add("audience " + a));
        resource.ifPresent(r -> parts.add("resource " + r));
        scope.ifPresent(s -> parts.add("scope " + s));
        return String.join(", ", parts);
    }

    /** Printable, one line, bounded: the values end up in form bodies, files and messages. */
    private static void checkText(String name, String value) {
        if (value.isBlank() || value.length() > MAX_LENGTH || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new JLoginException(JLoginException.Kind.CONFIGURATION, "invalid " + name
                    + ": give printable text on one line, at most " + MAX_LENGTH + " characters");
        }
    }

    private static void checkResource(String value) {
        checkText("resource", value);
        try {
            URI uri = new URI(value);
            if (uri.isAbsolute() && uri.getRawFragment() == null) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new JLoginException(JLoginException.Kind.CONFIGURATION,
                "invalid resource: give an absolute URI without a fragment (RFC 8707), such as https://api.example.com/");
    }
}
