package dev.jlogin.store;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the times the store writes ({@link Instant#toString()}: {@code 2026-01-31T12:00:00Z}, with
 * an optional fraction). {@code Instant.parse} would do, but its formatter costs about 4 ms of
 * start-up, a tenth of a cached {@code token} call, and every call reads one of these.
 */
final class UtcInstant {
    private UtcInstant() {
    }

    static Instant parse(String text) {
        int n = text.length();
        if (n < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':' || text.charAt(n - 1) != 'Z') {
            throw new DateTimeException("not a UTC time");
        }
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21; // between the '.' and the 'Z'
            if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                throw new DateTimeException("not a UTC time");
            }
            nanos = digits(text, 20, n - 1) * (int) Math.pow(10, 9 - fraction);
        }
        if (hour > 23 || minute > 59 || second > 59) {
            throw new DateTimeException("not a UTC time");
        }
        long day = LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10)).toEpochDay();
        return Instant.ofEpochSecond(day * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeException("not a UTC time");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
