package dev.jlogin.cli.terminal;

import dev.jlogin.ServerText;
import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What is safe to show on a terminal, and whether stdout is one. */
public final class Terminal {
    /** Linux's links from each of the process's file descriptors to what it is open on. */
    private static final Path PROC_FDS = Path.of("/proc/self/fd");

    private Terminal() {
    }

    /**
     * Makes server-supplied text (user codes, error descriptions) harmless on a terminal: escape
     * sequences, control characters and bidirectional overrides become '?', and length is capped,
     * so a hostile server cannot rewrite the screen or disguise a link.
     */
    public static String sanitize(String text) {
        return ServerText.sanitize(text);
    }

    /**
     * As {@link #sanitize(String)}, but whole: for links, which are useless cut, and for machine
     * output (--json), which must be complete.
     */
    public static String sanitizeWhole(String text) {
        return ServerText.sanitizeWhole(text);
    }

    /**
     * Whether what goes to stderr may be styled: it is a terminal and the user has not asked for
     * no colour (NO_COLOR, set and not empty, as no-color.org defines it).
     */
    public static boolean stylesStderr(Environment env) {
        return controlsStderr(env) && env.variables().getOrDefault("NO_COLOR", "").isEmpty();
    }

    /** Whether stderr is a terminal that takes control sequences (TERM=dumb does not). */
    public static boolean controlsStderr(Environment env) {
        return env.stderrIsTerminal().getAsBoolean() && !"dumb".equals(env.variables().get("TERM"));
    }

    /** Bold where {@code styled}, plain otherwise. */
    public static String bold(String text, boolean styled) {
        return styled ? "\u001b[1m" + text + "\u001b[0m" : text;
    }

    /**
     * Whether standard output is a terminal. On Linux the kernel tells through /proc; elsewhere
     * the JDK's console check (stdin and stdout both terminals) is the best available.
     */
    public static boolean isStdoutTerminal() {
        return isTerminal(PROC_FDS, 1);
    }

    /** Whether standard input is a terminal, as {@link #isStdoutTerminal()} tells. */
    public static boolean isStdinTerminal() {
        return isTerminal(PROC_FDS, 0);
    }

    /** Whether standard error is a terminal, as {@link #isStdoutTerminal()} tells. */
    public static boolean isStderrTerminal() {
        return isTerminal(PROC_FDS, 2);
    }

    /** Whether {@code descriptor} is a terminal, by its link in {@code procFds}, else by the JDK's console. */
    static boolean isTerminal(Path procFds, int descriptor) {
        Path fd = procFds.resolve(Integer.toString(descriptor));
        if (Files.isSymbolicLink(fd)) {
            try {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            } catch (IOException e) {
                return consoleIsTerminal();
            }
        }
        return consoleIsTerminal();
    }

    /**
     * Whether stdin and stdout are both terminals, as the JDK tells. From JDK 22 a console exists
     * even when they are redirected (JLine's, the default on 22 to 24: JDK-8308591), and
     * Console.isTerminal(), new in 22, tells; it is called reflectively, as we compile for 17.
     * Before 22 there is a console only when both are terminals.
     */
    private static boolean consoleIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 17 to 21: no isTerminal(), and the console says enough
        }
    }
}
