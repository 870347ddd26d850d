package dev.jlogin.cli;

import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * How the user runs a jlogin command, for the lines that name one (git's helper, the login hint):
 * the installed launcher's own path when it runs us ({@code jlogin.launcher-path}), else JBang
 * with the catalog that a catalog names in {@code jlogin.catalog}. Empty when neither is known.
 * The result is a shell command line: git runs {@code !helper} lines through the shell.
 */
final class Invocation {
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9@%+=:,./_-]+");

    private Invocation() {
    }

    static Optional<String> of(Properties properties, String subcommand) {
        String launcher = properties.getProperty("jlogin.launcher-path", "");
        if (!launcher.isBlank()) {
            return Optional.of(quote(launcher) + " " + subcommand);
        }
        String catalog = properties.getProperty("jlogin.catalog", "");
        return catalog.isBlank() ? Optional.empty() : Optional.of("jbang " + quote(subcommand + "@" + catalog));
    }

    /** One shell word: as is when plain, else in single quotes. */
    static String quote(String word) {
        return PLAIN_WORD.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
