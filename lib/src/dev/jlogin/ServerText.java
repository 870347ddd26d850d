package dev.jlogin;

/**
 * Makes server-supplied text (user codes, links, error descriptions, claims) harmless on a
 * terminal: escape sequences, control characters and bidirectional overrides become '?', so a
 * hostile server cannot rewrite the screen or disguise a link. Used by the commands and by the
 * library's own printing, which must not show raw server text either.
 */
public final class ServerText {
    private static final int MAX_LENGTH = 300;

    private ServerText() {
    }

    /** Sanitised, and cut at {@value #MAX_LENGTH} characters. */
    public static String sanitize(String text) {
        return sanitize(text, MAX_LENGTH);
    }

    /** Sanitised but whole: for links, which are useless cut, and for machine output, which must be complete. */
    public static String sanitizeWhole(String text) {
        return sanitize(text, Integer.MAX_VALUE);
    }

    private static String sanitize(String text, int maxLength) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH));
        for (int i = 0; i < text.length() && out.length() < maxLength; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            out.appendCodePoint(isUnsafe(cp) ? '?' : cp);
        }
        if (out.length() >= maxLength) {
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
}
