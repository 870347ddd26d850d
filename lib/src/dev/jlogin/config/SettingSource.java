package dev.jlogin.config;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where settings come from, highest first: command-line flags, {@code JLOGIN_*} environment
 * variables, {@code jlogin.*} system properties (what a catalog alias's {@code properties} set),
 * then the profile saved at login. Keys are flag names without dashes, such as {@code client-id}.
 */
public final class SettingSource {
    private final Map<String, String> flags;
    private final Map<String, String> environment;
    private final Properties properties;

    public SettingSource(Map<String, String> flags, Map<String, String> environment, Properties properties) {
        this.flags = flags;
        this.environment = environment;
        this.properties = properties;
    }

    /** The value of {@code key} from flags, environment or system properties, whichever comes first. */
    public Optional<String> get(String key) {
        return nonBlank(flags.get(key))
                .or(() -> nonBlank(environment.get(environmentName(key))))
                .or(() -> nonBlank(properties.getProperty("jlogin." + key)));
    }

    /** Where {@code key}'s value comes from, for diagnosis: "--key", "JLOGIN_KEY", "jlogin.key" or "default". */
    public String origin(String key) {
        if (nonBlank(flags.get(key)).isPresent()) {
            return "--" + key;
        }
        if (nonBlank(environment.get(environmentName(key))).isPresent()) {
            return environmentName(key);
        }
        return nonBlank(properties.getProperty("jlogin." + key)).isPresent() ? "jlogin." + key : "default";
    }

    public Optional<String> environment(String name) {
        return nonBlank(environment.get(name));
    }

    public static String environmentName(String key) {
        return "JLOGIN_" + key.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
