package dev.jlogin.session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One profile as a platform team classifies it (docs/commands.md, "audit" JSON schema): which server and
 * client, how it logged in, what its tokens are allowed and how long they live, where they are
 * kept, and every rule of the organisation's policy it breaks. Never a token.
 *
 * @param fields the classification, in the schema's names and order
 */
public record ProfileAudit(String profile, Map<String, Object> fields, List<Violation> violations) {
    public ProfileAudit {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        violations = List.copyOf(violations);
    }

    /** A policy rule the profile breaks, and why, in a sentence. */
    public record Violation(String key, String message) {
    }

    /** The profile as one JSON object: {@code profile}, the fields, {@code violations}. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("profile", profile);
        map.putAll(fields);
        map.put("violations", violations.stream().map(v -> Map.of("key", v.key(), "message", v.message())).toList());
        return map;
    }
}
