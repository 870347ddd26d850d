package dev.jlogin.config;

import dev.jlogin.JLoginException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where settings come from, highest first: command-line flags, {@code JLOGIN_*} environment
 * variables, {@code jlogin.*} system properties (what a catalog alias's {@code properties} set),
 * then the profile saved at login; every {@link Setting} is looked up by its key in each.
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
    public String name(Setting setting) {
        return commandLine ? setting.flag() : setting.variable();
    }

    /** How a person gives {@code setting} a value where these settings come from. */
    public String howToGive(Setting setting) {
        return commandLine
                ? "pass " + setting.flag() + " " + setting.valueName() + ", set " + setting.variable() + ", or use a catalog alias that sets "
                        + setting.property()
                : "set " + setting.variable() + ", or give it in the script: JLogin.builder().property(\"" + setting.key() + "\", "
                        + setting.valueName() + ")";
    }

    /** The value of {@code setting} from flags, environment or system properties, whichever comes first. */
    public Optional<String> get(Setting setting) {
        return nonBlank(flags.get(setting.key()))
                .or(() -> nonBlank(environment.get(setting.variable())))
                .or(() -> nonBlank(properties.getProperty(setting.property())));
    }

    /** Where {@code setting}'s value comes from, for diagnosis: its flag, variable, property, or "default". */
    public String origin(Setting setting) {
        if (nonBlank(flags.get(setting.key())).isPresent()) {
            return setting.flag();
        }
        if (nonBlank(environment.get(setting.variable())).isPresent()) {
            return setting.variable();
        }
        return nonBlank(properties.getProperty(setting.property())).isPresent() ? setting.property() : "default";
    }

    /** {@code setting}'s value as a number of seconds (see {@link #seconds(String, String)}), named by its variable. */
    public Optional<java.time.Duration> seconds(Setting setting) {
        return get(setting).map(v -> seconds(v, setting.variable()));
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

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
