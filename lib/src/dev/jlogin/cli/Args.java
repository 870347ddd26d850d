package dev.jlogin.cli;

import dev.jlogin.JLoginException;
import dev.jlogin.config.SettingSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parsed command-line options: {@code --name value}, {@code --name=value}, or a bare switch.
 * Repeated {@code --param} values are joined with '&amp;'; {@code -h} is {@code --help}; anything
 * unknown is a usage error that names the nearest known option.
 * A command may also take a few operands (git-credential's action) and, after {@code --}, a
 * command line of its own to run (exec); nothing after {@code --} is read as an option.
 */
public final class Args {
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final List<String> operands = new ArrayList<>();
    private final List<String> command = new ArrayList<>();
    /** The command line with '--' put where a command to run began without it; empty when it was there. */
    private List<String> separated = List.of();

    private Args() {
    }

    public static Args parse(String[] argv, Set<String> valueOptions, Set<String> switches) {
        return parse(argv, valueOptions, switches, 0, false);
    }

    /**
     * @param maxOperands how many arguments that are not options the command takes
     * @param takesCommand whether {@code -- CMD ARGS...} is allowed
     */
    public static Args parse(String[] argv, Set<String> valueOptions, Set<String> switches, int maxOperands,
                             boolean takesCommand) {
        Args args = new Args();
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            if (arg.equals("--") && takesCommand) {
                args.command.addAll(Arrays.asList(argv).subList(i + 1, argv.length));
                break;
            }
            if (arg.equals("-h") && switches.contains("help")) {
                args.values.put("help", List.of("true"));
                continue;
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                if (takesCommand && !arg.startsWith("-") && args.operands.size() >= maxOperands) {
                    // the user's command, typed without '--': the rest is not ours to read
                    args.separated = new ArrayList<>(Arrays.asList(argv).subList(0, i));
                    args.separated.add("--");
                    args.separated.addAll(Arrays.asList(argv).subList(i, argv.length));
                    break;
                }
                if (arg.startsWith("-") || args.operands.size() >= maxOperands) {
                    throw usage("unexpected argument '" + arg + "'");
                }
                args.operands.add(arg);
                continue;
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
                args.values.put(name, List.of("true"));
            } else if (valueOptions.contains(name)) {
                if (value == null) {
                    if (i + 1 >= argv.length) {
                        throw usage("--" + name + " needs a value");
                    }
                    value = argv[++i];
                }
                args.values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            } else {
                Set<String> known = new HashSet<>(valueOptions);
                known.addAll(switches);
                throw usage("unknown option --" + name + Nearest.to(name, known).map(n -> "; did you mean --" + n + "?").orElse(""));
            }
        }
        return args;
    }

    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name)).map(v -> String.join("&", v));
    }

    /** Every value of a repeatable option, in order. */
    public List<String> values(String name) {
        return List.copyOf(values.getOrDefault(name, List.of()));
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The arguments that are not options, before any {@code --}. */
    public List<String> operands() {
        return List.copyOf(operands);
    }

    /** What followed {@code --}: a command line to run, untouched. */
    public List<String> command() {
        return List.copyOf(command);
    }

    /**
     * For a command that takes a command line to run, given one without {@code --}: the whole
     * command line with {@code --} where it belongs, for a hint that works as printed.
     */
    public Optional<List<String>> withSeparator() {
        return separated.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(separated));
    }

    /** All values, for the settings lookup (which knows the names it wants). */
    public Map<String, String> asMap() {
        Map<String, String> joined = new LinkedHashMap<>();
        values.keySet().forEach(name -> joined.put(name, value(name).orElseThrow()));
        return Map.copyOf(joined);
    }

    /** A whole, non-negative number of seconds, at most a year; {@code what} names the setting in the error. */
    static Duration seconds(String value, String what) {
        try {
            return SettingSource.seconds(value, what);
        } catch (JLoginException e) {
            throw usage(e.getMessage());
        }
    }

    public static JLoginException usage(String message) {
        return new JLoginException(JLoginException.Kind.CONFIGURATION, message + " (see --help)");
    }
}
