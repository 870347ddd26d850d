package dev.jlogin.integration;

import dev.jlogin.JLoginException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * git's credential protocol ({@code git help credential}): attributes as {@code key=value} lines,
 * ended by a blank line or the end of input. A value never holds a newline or NUL, so no attribute
 * can be smuggled inside another; a line without '=' is malformed, as git itself says. A key that
 * repeats keeps its last value (as git does for single-valued keys; we read no multi-valued ones).
 */
public final class GitCredentialMessage {
    /** git's requests are a few hundred bytes; this bounds what a broken caller can make us hold. */
    static final int MAX_BYTES = 64 * 1024;

    private final Map<String, String> attributes;

    private GitCredentialMessage(Map<String, String> attributes) {
        this.attributes = attributes;
    }

    /** Reads one message, stopping at its blank line (the caller may keep the stream open). */
    public static GitCredentialMessage read(InputStream in) throws IOException {
        Map<String, String> attributes = new LinkedHashMap<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int total = 0;
        int lineNumber = 1;
        for (int b; (b = in.read()) != -1; ) {
            if (++total > MAX_BYTES) {
                throw malformed("it is longer than " + MAX_BYTES + " bytes");
            }
            if (b != '\n') {
                line.write(b);
                continue;
            }
            if (line.size() == 0) {
                return new GitCredentialMessage(attributes);
            }
            add(attributes, line, lineNumber++);
            line.reset();
        }
        if (line.size() > 0) {
            add(attributes, line, lineNumber);
        }
        return new GitCredentialMessage(attributes);
    }

    private static void add(Map<String, String> attributes, ByteArrayOutputStream bytes, int lineNumber) {
        String line = bytes.toString(StandardCharsets.UTF_8);
        int eq = line.indexOf('=');
        if (eq <= 0) {
            throw malformed("line " + lineNumber + " is not key=value");
        }
        if (line.indexOf('\0') >= 0) {
            throw malformed("line " + lineNumber + " holds a NUL byte");
        }
        attributes.put(line.substring(0, eq), line.substring(eq + 1));
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(attributes.get(key));
    }

    /**
     * The lines of an answer, in the order given. A key or value that would break a line (or a
     * key holding '=') is refused rather than sent: git would read it as another attribute.
     */
    public static String format(Map<String, String> answer) {
        StringBuilder out = new StringBuilder();
        answer.forEach((key, value) -> {
            if (key.isEmpty() || !isSafe(key) || key.indexOf('=') >= 0 || !isSafe(value)) {
                throw new JLoginException(JLoginException.Kind.SERVER,
                        "cannot hand '" + (isSafe(key) ? key : "?") + "' to git: it holds a line break or NUL");
            }
            out.append(key).append('=').append(value).append('\n');
        });
        return out.toString();
    }

    private static boolean isSafe(String text) {
        return text.indexOf('\n') < 0 && text.indexOf('\0') < 0;
    }

    private static JLoginException malformed(String why) {
        return new JLoginException(JLoginException.Kind.CONFIGURATION, "malformed credential request from git: " + why);
    }
}
