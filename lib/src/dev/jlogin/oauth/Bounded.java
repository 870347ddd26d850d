package dev.jlogin.oauth;

import dev.jlogin.http.HttpLog;

/**
 * Numbers of seconds from a server, kept within sane bounds: a lifetime of 2^63-1 s would
 * overflow every date computed from it, and an interval of 10^9 s would end a login in silence.
 * {@code --verbose} says when a value was changed.
 */
public final class Bounded {
    private Bounded() {
    }

    public static long seconds(String name, long value, long min, long max, HttpLog notes) {
        long bounded = Math.max(min, Math.min(max, value));
        if (bounded != value) {
            notes.note(name + " " + value + " s clamped to " + bounded + " s");
        }
        return bounded;
    }
}
