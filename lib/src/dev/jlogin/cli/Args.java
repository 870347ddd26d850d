package dev.jlogin.cli;

import dev.jlogin.JLoginException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parsed command-line options: {@code --name value}, {@code --name=value}, or a bare switch.
 * Repeated {@code --param} values are joined with '&amp;'; anything unknown is a usage error.
 */
public final class Args {
    private final Map<String, String> values = new LinkedHashMap<>();

    private Args() {
    }

    public static Args parse(String[] argv, Set<String> valueOptions, Set<String> switches) {
        Args args = new Args();
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw usage("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (switches.contains(name)) {
                if (value != null) {
                    throw usage("--" + name + " takes no value");
                }
                args.values.put(name, "true");
            } else if (valueOptions.contains(name)) {
                if (value == null) {
                    if (i + 1 >= argv.length) {
                        throw usage("--" + name + " needs a value");
                    }
                    value = argv[++i];
                }
                args.values.merge(name, value, (a, b) -> a + "&" + b);
            } else {
                throw usage("unknown option --" + name);
            }
        }
        return args;
    }

    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** All values, for the settings lookup (which knows the names it wants). */
    public Map<String, String> asMap() {
        return Map.copyOf(values);
    }

    /** A whole, non-negative number of seconds; {@code what} names the setting in the error. */
    static Duration seconds(String value, String what) {
        try {
            long s = Long.parseLong(value.trim());
            if (s >= 0) {
                return Duration.ofSeconds(s);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw usage(what + " takes a whole number of seconds");
    }

    static JLoginException usage(String message) {
        return new JLoginException(JLoginException.Kind.CONFIGURATION, message + " (see --help)");
    }
}
