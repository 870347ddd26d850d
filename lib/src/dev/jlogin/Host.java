package dev.jlogin;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The process's view of the machine: its environment variables and system properties. They are
 * read here and nowhere else, so every other class takes them as arguments and tests can give
 * their own (a catalog alias's {@code properties} arrive as system properties).
 */
public final class Host {
    private Host() {
    }

    /** The environment variables. */
    public static Map<String, String> variables() {
        return System.getenv();
    }

    /** The system properties (the JVM's, and what {@code -D} or a catalog alias set). */
    public static Properties properties() {
        return System.getProperties();
    }

    /** One system property, or {@code fallback}. */
    public static String property(String name, String fallback) {
        return System.getProperty(name, fallback);
    }

    /**
     * The operating system's name ({@code os.name}). {@code jlogin.os.name} stands in for it where
     * a test plays another system's part on this one: setting {@code os.name} itself would change
     * the JDK's own choices too (its socket options, for one), which must stay this machine's.
     */
    public static String osName() {
        return property("jlogin.os.name", property("os.name", ""));
    }

    public static boolean isWindows() {
        return osName().startsWith("Windows");
    }

    public static boolean isMac() {
        return osName().startsWith("Mac");
    }

    /** The user's home folder as the JVM knows it. */
    public static Path userHome() {
        return Path.of(property("user.home", ""));
    }

    /** Where temporary files go ({@code java.io.tmpdir}). */
    public static Path tempDir() {
        return Path.of(property("java.io.tmpdir", ""));
    }

    /** The running JDK's home ({@code java.home}). */
    public static Path javaHome() {
        return Path.of(property("java.home", ""));
    }

    /** Whether {@code variables} are those of an SSH session: a browser here would open on the far machine, if at all. */
    public static boolean overSsh(Map<String, String> variables) {
        return variables.containsKey("SSH_CONNECTION") || variables.containsKey("SSH_TTY");
    }
}
