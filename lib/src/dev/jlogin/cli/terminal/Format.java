package dev.jlogin.cli.terminal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How times are shown to people, and written in JSON. */
public final class Format {
    /** The width text is wrapped to: help, the waiting screen, the status line. */
    public static final int WIDTH = 80;

    private Format() {
    }

    /** "in 4 min 59 s" / "2 min ago". */
    static String relative(Instant when, Instant now) {
        Duration d = Duration.between(now, when);
        String span = span(d.abs());
        return d.isNegative() ? span + " ago" : "in " + span;
    }

    public static String span(Duration d) {
        long s = d.getSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        }
        return s / 3600 + " h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + " min");
    }

    /**
     * Breaks {@code text} into lines of at most {@code width} columns at spaces, so that a
     * terminal never breaks a word; a word longer than the width gets a line of its own.
     */
    public static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** The one timestamp format of all output: ISO 8601 in UTC, to the second ({@code 2026-11-27T16:00:00Z}). */
    public static String timestamp(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    public static String expiry(Optional<Instant> expiresAt, Instant now) {
        return expiresAt.map(at -> (at.isAfter(now) ? "valid until " : "expired at ")
                + timestamp(at) + " (" + relative(at, now) + ")")
                .orElse("no expiry given by the server");
    }
}
