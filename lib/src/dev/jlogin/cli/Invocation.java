package dev.jlogin.cli;

import java.util.List;
import java.util.Optional;

/**
 * How the user runs one of our commands, for setup lines written into other tools' configuration
 * and for "run this to log in" hints: the installed launcher when we were started through it
 * ({@code jlogin.launcher-path}), else JBang with the catalog that says its own name
 * ({@code jlogin.catalog}, set by an organisation's catalog alias).
 */
final class Invocation {
    static final String LAUNCHER_PATH = "jlogin.launcher-path";
    static final String CATALOG = "jlogin.catalog";

    private Invocation() {
    }

    /** The program and its leading arguments that run {@code command}, when we can tell. */
    static Optional<List<String>> of(Environment env, String command) {
        String launcher = env.properties().getProperty(LAUNCHER_PATH, "");
        if (!launcher.isBlank()) {
            return Optional.of(List.of(launcher, command));
        }
        String catalog = env.properties().getProperty(CATALOG, "");
        return catalog.isBlank() ? Optional.empty() : Optional.of(List.of("jbang", command + "@" + catalog));
    }

    /** A command line for a person to type, such as {@code jbang login@acme}; just the name when unknown. */
    static String hint(Environment env, String command) {
        return String.join(" ", of(env, command).orElse(List.of(command)));
    }
}
