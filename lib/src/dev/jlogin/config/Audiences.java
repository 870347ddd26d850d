package dev.jlogin.config;

import dev.jlogin.JLoginException;
import dev.jlogin.oauth.TokenRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The audiences of an organisation's APIs by name, from the {@code audiences} setting
 * ({@code jlogin.audiences}, {@code JLOGIN_AUDIENCES}): {@code NAME=AUDIENCE, ...}, where a name is
 * what a user types ({@code token --audience orders}), a git host ({@code git.example.com}: its
 * credential helper hands out that audience's token) or {@code kubernetes} (the kubectl plugin's).
 */
public final class Audiences {
    /** The name whose audience kubectl's credential plugin asks for. */
    public static final String KUBERNETES = "kubernetes";
    /** No names: every audience stands for itself. */
    public static final Audiences NONE = new Audiences(Map.of());

    private final Map<String, String> byName;

    private Audiences(Map<String, String> byName) {
        this.byName = Map.copyOf(byName);
    }

    /** The audiences configured in {@code source}; none when the setting is absent. */
    public static Audiences from(SettingSource source) {
        return parse(source.get(Setting.AUDIENCES).orElse(""), source.origin(Setting.AUDIENCES));
    }

    static Audiences parse(String list, String origin) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (String entry : list.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String name = eq < 0 ? "" : entry.substring(0, eq).strip();
            String audience = eq < 0 ? "" : entry.substring(eq + 1).strip();
            if (name.isEmpty() || audience.isEmpty() || byName.put(name, audience) != null) {
                throw new JLoginException(JLoginException.Kind.CONFIGURATION, "invalid " + origin + ": give NAME=AUDIENCE"
                        + " entries, comma-separated, each name once (such as orders=orders-api, git.example.com=git)");
            }
        }
        return new Audiences(byName);
    }

    /** The audience named {@code name}, if the organisation names it. */
    public Optional<String> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** {@code target} with an audience that is a name here replaced by the audience it stands for. */
    public TokenRequest resolve(TokenRequest target) {
        Optional<String> audience = target.audience().map(a -> byName.getOrDefault(a, a));
        return audience.equals(target.audience()) ? target : new TokenRequest(audience, target.resource(), target.scope());
    }

    public Map<String, String> asMap() {
        return byName;
    }
}
