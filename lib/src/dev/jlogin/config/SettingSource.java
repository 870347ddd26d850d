package dev.jlogin.config;

import dev.jlogin.JLoginException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where settings come from, highest first: command-line flags, {@code JLOGIN_*} environment
 * variables, {@code jlogin.*} system properties (what a catalog alias's {@code properties} set),
 * then the profile saved at login. Keys are flag names without dashes, such as {@code client-id}.
 */
public final class SettingSource {
    /** Longer waits and margins are mistakes, and would overflow the date arithmetic done with them. */
    public static final long MAX_SECONDS = java.time.Duration.ofDays(366).toSeconds();
    private final Map<String, String> flags;
    private final Map<String, String> environment;
    private final Properties properties;
    private final boolean commandLine;

    public SettingSource(Map<String, String> flags, Map<String, String> environment, Properties properties) {
        this(flags, environment, properties, true);
    }

    private SettingSource(Map<String, String> flags, Map<String, String> environment, Properties properties, boolean commandLine) {
        this.flags = flags;
        this.environment = environment;
        this.properties = properties;
        this.commandLine = commandLine;
    }

    /**
     * Settings that a script gives in code ({@code JLogin.builder()}) where a command takes flags:
     * a runbook or notebook has no flags, so a message about a missing setting names what it has.
     */
    public static SettingSource inCode(Map<String, String> given, Map<String, String> environment, Properties properties) {
        return new SettingSource(given, environment, properties, false);
    }

    /** The setting as a person gives it here: its flag, or in a script its variable. */
    public String name(String key) {
        return commandLine ? "--" + key : environmentName(key);
    }

    /** How a person gives {@code key} a value where these settings come from, {@code value} naming what it is. */
    public String howToGive(String key, String value) {
        return commandLine
                ? "pass --" + key + " " + value + ", set " + environmentName(key) + ", or use a catalog alias that sets jlogin." + key
                : "set " + environmentName(key) + ", or give it in the script: JLogin.builder().property(\"" + key + "\", " + value + ")";
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

    /** {@code key}'s value as a number of seconds (see {@link #seconds(String, String)}), named by its variable. */
    public Optional<java.time.Duration> seconds(String key) {
        return get(key).map(v -> seconds(v, environmentName(key)));
    }

    /** A whole, non-negative number of seconds, at most a year; {@code what} names the setting in the error. */
    public static java.time.Duration seconds(String value, String what) {
        try {
            long s = Long.parseLong(value.trim());
            if (s >= 0 && s <= MAX_SECONDS) {
                return java.time.Duration.ofSeconds(s);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new JLoginException(JLoginException.Kind.CONFIGURATION, what + " takes a whole number of seconds, at most "
                + MAX_SECONDS + " (366 days)");
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
