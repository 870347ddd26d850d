package dev.jlogin.config;

import dev.jlogin.JLoginException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * What an organisation allows its logins, set by its platform team where users cannot miss it: a
 * policy file that device management installs ({@link #defaultFile}, or the one
 * {@code JLOGIN_POLICY_FILE} names) and the catalog's {@code jlogin.policy.*} properties. The file
 * wins over the catalog, key by key, and both win over flags. A user can always run another
 * client, so this is a guardrail and an audit trail, not a security boundary; but a policy that
 * cannot be read is an error, never no policy.
 */
public final class Policy {
    public static final String FILE_VARIABLE = "JLOGIN_POLICY_FILE";
    private static final String PROPERTY_PREFIX = "jlogin.policy.";
    private static final List<String> KEYS = List.of("store", "max-session", "flows", "require-revocation",
            "require-verified-id-token", "scopes");
    private static final List<String> STORES = List.of("file", "keyring", "memory");
    private static final List<String> FLOWS = List.of("device", "browser");
    /** A policy is a few lines; a large file is a mistake, not a policy. */
    private static final long MAX_FILE_BYTES = 64 * 1024;
    public static final Policy NONE = new Policy(Map.of(), Map.of());

    private final Map<String, String> values;
    private final Map<String, String> origins;

    private Policy(Map<String, String> values, Map<String, String> origins) {
        this.values = values;
        this.origins = origins;
    }

    /** Where device management installs the policy file on {@code osName}. */
    public static Path defaultFile(String osName, Map<String, String> variables) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return Path.of(variables.getOrDefault("ProgramData", "C:\\ProgramData"), "jlogin", "policy.properties");
        }
        if (os.startsWith("mac")) {
            return Path.of("/Library/Application Support/jlogin/policy.properties");
        }
        return Path.of("/etc/jlogin/policy.properties");
    }

    /**
     * The policy in force: the catalog's {@code jlogin.policy.*} {@code properties}, overridden key
     * by key by the policy file. A missing default file means none; a file that
     * {@code JLOGIN_POLICY_FILE} names must exist.
     */
    public static Policy load(Map<String, String> variables, Properties properties, String osName) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(PROPERTY_PREFIX)) {
                String key = name.substring(PROPERTY_PREFIX.length());
                values.put(key, properties.getProperty(name).strip());
                origins.put(key, "the catalog property " + name);
            }
        }
        String named = variables.get(FILE_VARIABLE);
        Path file = named == null || named.isBlank() ? defaultFile(osName, variables) : Path.of(named);
        Optional<Properties> fromFile = read(file, named != null && !named.isBlank());
        if (fromFile.isPresent()) {
            for (String key : fromFile.get().stringPropertyNames()) {
                values.put(key, fromFile.get().getProperty(key).strip());
                origins.put(key, file.toString());
            }
        }
        if (values.isEmpty()) {
            return NONE;
        }
        Policy policy = new Policy(values, origins);
        policy.validate();
        return policy;
    }

    private static Optional<Properties> read(Path file, boolean named) {
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                if (named) {
                    throw new NoSuchFileException(file.toString());
                }
                return Optional.empty();
            }
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_FILE_BYTES) {
                throw unreadable(file, "not a regular file of at most 64 KiB");
            }
            // read whole, then parsed: a file reader would set up channels and a charset decoder for 64 KiB at most
            Properties properties = new Properties();
            properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            return Optional.of(properties);
        } catch (NoSuchFileException e) {
            throw unreadable(file, "no such file (" + FILE_VARIABLE + " names it)");
        } catch (IOException | IllegalArgumentException e) {
            throw unreadable(file, e instanceof IllegalArgumentException ? "not a properties file" : "it cannot be read");
        }
    }

    private static JLoginException unreadable(Path file, String why) {
        return new JLoginException(JLoginException.Kind.CONFIGURATION, "the organisation's policy file " + file
                + " cannot be used: " + why + "; ask the platform team that installed it");
    }

    /** Every key known and every value well-formed, so a typo is an error rather than a policy nobody enforces. */
    private void validate() {
        List<String> unknown = new ArrayList<>();
        for (String key : values.keySet()) {
            if (!KEYS.contains(key)) {
                unknown.add("'" + key + "' (in " + origins.get(key) + ")");
            }
        }
        if (!unknown.isEmpty()) {
            throw new JLoginException(JLoginException.Kind.CONFIGURATION, "unknown policy key " + String.join(", ", unknown)
                    + "; the keys are " + String.join(", ", KEYS));
        }
        stores();
        flows();
        maxSession();
        requireRevocation();
        requireVerifiedIdToken();
        scopes();
    }

    /** Whether any key is set. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The stores a login may be kept in, when the policy limits them. */
    public Optional<Set<String>> stores() {
        return list("store", STORES);
    }

    /** The flows a login may use, when the policy limits them. */
    public Optional<Set<String>> flows() {
        return list("flows", FLOWS);
    }

    /** The scopes a login may ask for, when the policy limits them. */
    public Optional<Set<String>> scopes() {
        String value = values.get("scopes");
        return value == null ? Optional.empty() : Optional.of(new LinkedHashSet<>(words(value)));
    }

    /** The longest a login may be used (and refreshed) after it was made, when the policy limits it. */
    public Optional<Duration> maxSession() {
        String value = values.get("max-session");
        if (value == null) {
            return Optional.empty();
        }
        Duration duration = parseDuration(value);
        if (duration == null) {
            throw invalid("max-session", value, "a positive number with a unit: 30m, 12h, 7d");
        }
        return Optional.of(duration);
    }

    public boolean requireRevocation() {
        return flag("require-revocation");
    }

    public boolean requireVerifiedIdToken() {
        return flag("require-verified-id-token");
    }

    /**
     * Refuses what the key {@code key} forbids, saying so, where the rule comes from and {@code fix};
     * a refusal is a configuration error (exit 2).
     */
    public JLoginException refusal(String key, String what, String fix) {
        return new JLoginException(JLoginException.Kind.CONFIGURATION, what + ", which the organisation's policy forbids ("
                + rule(key) + "); " + fix);
    }

    /** The rule {@code key} sets, for a message: "max-session = 12h, set in /etc/jlogin/policy.properties". */
    public String rule(String key) {
        return key + " = " + values.get(key) + ", set in " + origins.get(key);
    }

    /** Refuses a store the policy does not allow: {@code store}, and {@code fallback} when a keyring may fall back to it. */
    public void checkStore(String store, Optional<String> fallback) {
        Optional<Set<String>> allowed = stores();
        if (allowed.isEmpty()) {
            return;
        }
        if (!allowed.get().contains(store)) {
            throw refusal("store", "the " + store + " store was chosen",
                    "use " + String.join(" or ", allowed.get()) + " (--store, JLOGIN_STORE)");
        }
        if (fallback.isPresent() && !allowed.get().contains(fallback.get())) {
            throw refusal("store", "the keyring would fall back to the " + fallback.get() + " store", "unset JLOGIN_STORE_FALLBACK");
        }
    }

    /** Refuses a scope that {@code asker} (the login, a token for another API) asks for and the policy does not list. */
    public void checkScopes(String asker, Optional<String> requested) {
        List<String> extra = beyondScopes(requested.isPresent() ? words(requested.get()) : List.of());
        if (!extra.isEmpty()) {
            throw refusal("scopes", asker + " asks for the scope " + String.join(" ", extra),
                    "ask only for " + String.join(" ", scopes().orElseThrow()) + " (--scope)");
        }
    }

    /**
     * Those of {@code scopes} the policy does not list; none when it lists no scopes. Loops, not
     * streams or + (here and above): with a policy file every command runs this code, and each
     * lambda or concatenation costs its first run a link of its own.
     */
    public List<String> beyondScopes(List<String> scopes) {
        Optional<Set<String>> allowed = scopes();
        List<String> beyond = new ArrayList<>();
        for (String scope : scopes) {
            if (allowed.isPresent() && !allowed.get().contains(scope)) {
                beyond.add(scope);
            }
        }
        return beyond;
    }

    private Optional<Set<String>> list(String key, List<String> known) {
        String value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        Set<String> items = new LinkedHashSet<>(words(value));
        if (items.isEmpty() || !known.containsAll(items)) {
            throw invalid(key, value, "one or more of " + String.join(", ", known));
        }
        return Optional.of(items);
    }

    private boolean flag(String key) {
        String value = values.getOrDefault(key, "false");
        if (!value.equals("true") && !value.equals("false")) {
            throw invalid(key, value, "true or false");
        }
        return value.equals("true");
    }

    private JLoginException invalid(String key, String value, String expected) {
        return new JLoginException(JLoginException.Kind.CONFIGURATION, "the policy key " + key + " (in " + origins.get(key)
                + ") takes " + expected + ", not '" + value + "'");
    }

    /** Split at spaces and commas by hand: a regex would cost every token call start-up time when a policy exists. */
    private static List<String> words(String value) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= value.length(); i++) {
            boolean separator = i == value.length() || value.charAt(i) == ',' || Character.isWhitespace(value.charAt(i));
            if (separator && start >= 0) {
                words.add(value.substring(start, i));
                start = -1;
            } else if (!separator && start < 0) {
                start = i;
            }
        }
        return words;
    }

    /** {@code 30m}, {@code 12h}, {@code 7d}, {@code 90s}; null when it is none of those or not positive. */
    private static Duration parseDuration(String value) {
        int digits = value.length() - 1;
        if (digits < 1 || digits > 6 || "smhd".indexOf(value.charAt(digits)) < 0) {
            return null;
        }
        for (int i = 0; i < digits; i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return null;
            }
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        long unitSeconds = switch (value.charAt(value.length() - 1)) {
            case 's' -> 1;
            case 'm' -> 60;
            case 'h' -> 3600;
            default -> 86400;
        };
        // at most 999999 days: no overflow; Duration.multipliedBy would load BigDecimal on every call
        return amount == 0 ? null : Duration.ofSeconds(amount * unitSeconds);
    }
}
