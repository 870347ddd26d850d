package dev.jlogin.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What is safe to show on a terminal, and whether stdout is one. */
public final class Terminal {
    private static final int MAX_LENGTH = 300;

    private Terminal() {
    }

    /**
     * Makes server-supplied text (user codes, error descriptions) harmless on a terminal: escape
     * sequences, control characters and bidirectional overrides become '?', and length is capped,
     * so a hostile server cannot rewrite the screen or disguise a link.
     */
    public static String sanitize(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH));
        for (int i = 0; i < text.length() && out.length() < MAX_LENGTH; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            out.appendCodePoint(isUnsafe(cp) ? '?' : cp);
        }
        if (out.length() >= MAX_LENGTH) {
            out.append('…');
        }
        return out.toString();
    }

    private static boolean isUnsafe(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp)
                || type == Character.FORMAT          // bidi overrides, zero-width characters
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED;
    }

    /**
     * Whether standard output is a terminal. On Linux the kernel tells through /proc; elsewhere
     * the JDK's console check (stdin and stdout both terminals) is the best available.
     */
    public static boolean isStdoutTerminal() {
        Path fd = Path.of("/proc/self/fd/1");
        if (Files.isSymbolicLink(fd)) {
            try {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            } catch (IOException e) {
                return System.console() != null;
            }
        }
        return System.console() != null;
    }
}
