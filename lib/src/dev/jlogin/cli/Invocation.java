package dev.jlogin.cli;

import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * How the user runs jlogin, so that hints name a command that works as shown: the installed
 * launcher ({@code acme login}, from the property {@code jlogin.launcher} that the launcher sets),
 * or a catalog alias ({@code jbang login@acme}, when the catalog sets {@code jlogin.catalog}).
 */
public record Invocation(Optional<String> launcher, Optional<String> catalog) {
    /** Launcher names become file names in a bin directory. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public static Invocation of(Properties properties) {
        return new Invocation(
                Optional.ofNullable(properties.getProperty("jlogin.launcher")).filter(n -> NAME.matcher(n).matches()),
                Optional.ofNullable(properties.getProperty("jlogin.catalog")).map(String::strip).filter(c -> !c.isEmpty())
                        .map(Terminal::sanitize));
    }

    /** The command line that runs {@code command}: "acme login", "jbang login@acme", or just "login". */
    public String command(String command) {
        return launcher.map(n -> n + " " + command)
                .or(() -> catalog.map(c -> "jbang " + command + "@" + c))
                .orElse(command);
    }
}
