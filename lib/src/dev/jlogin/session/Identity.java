package dev.jlogin.session;

import dev.jlogin.json.JsonObject;
import java.util.Map;
import java.util.Optional;

/**
 * Who a login belongs to, from userinfo or ID-token claims (OIDC Core §5.1 standard claims), or
 * a provider's own profile fields (GitHub's {@code id} and {@code login}); {@code organization}
 * when the server names the user's organisation (WorkOS's {@code organization_id}, Auth0's {@code org_id}).
 * {@code problem} says why a better source was not used (a userinfo answer about someone else).
 */
public record Identity(Optional<String> subject, Optional<String> username, Optional<String> name,
                       Optional<String> email, Optional<String> organization, String source, Optional<String> problem) {

    public static Identity fromClaims(JsonObject claims, String source) {
        Map<String, Object> map = claims.asMap();
        return new Identity(text(map, "sub").or(() -> number(map, "id")),
                text(map, "preferred_username").or(() -> text(map, "login")),
                text(map, "name"), text(map, "email"),
                text(map, "organization_id").or(() -> text(map, "org_id")), source, Optional.empty());
    }

    public static Identity unknown() {
        return new Identity(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "none",
                Optional.empty());
    }

    /** This identity, with the reason another source was not used. */
    Identity because(String why) {
        return new Identity(subject, username, name, email, organization, source, Optional.of(why));
    }

    /** "Alice Tester <alice@example.com>", or whatever part of it is known. */
    public String display() {
        String who = name.or(() -> username).or(() -> subject).orElse("an unknown user");
        return email.filter(e -> !e.equals(who)).map(e -> who + " <" + e + ">").orElse(who);
    }

    /** A whole-number identifier, as GitHub's user {@code id} is. */
    private static Optional<String> number(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value instanceof Long n ? Optional.of(n.toString()) : text(map, key);
    }

    private static Optional<String> text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }
}
