package dev.jlogin.store;

import java.time.DateTimeException;
import java.time.Instant;

/**
 * Reads the times the store writes ({@link Instant#toString()}: {@code 2026-01-31T12:00:00Z}, with
 * an optional fraction). {@code Instant.parse} would do, but its formatter costs about 4 ms of
 * start-up, a tenth of a cached {@code token} call, and every call reads one of these. The day is
 * counted here too: {@code LocalDate} asks {@code Year} whether a year is a leap year, and
 * {@code Year} builds a formatter of its own when first used.
 */
final class UtcInstant {
    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    /** From 0000-03-01 to 1970-01-01. */
    private static final long DAYS_0000_03_01_TO_EPOCH = 719_468;
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
        long day = epochDay(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
        return Instant.ofEpochSecond(day * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (years 0 to 9999), which must exist. */
    private static long epochDay(int year, int month, int day) {
        boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1] + (month == 2 && leap ? 1 : 0)) {
            throw new DateTimeException("not a UTC time");
        }
        // counted from March 1st of year 0, so that a leap day ends its year
        int y = month > 2 ? year : year - 1;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        return 365L * y + Math.floorDiv(y, 4) - Math.floorDiv(y, 100) + Math.floorDiv(y, 400) + dayOfYear
                - DAYS_0000_03_01_TO_EPOCH;
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
