package dev.jlogin.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** How times are shown to people. */
final class Format {
    private Format() {
    }

    /** "in 4 min 59 s" / "2 min ago". */
    static String relative(Instant when, Instant now) {
        Duration d = Duration.between(now, when);
        String span = span(d.abs());
        return d.isNegative() ? span + " ago" : "in " + span;
    }

    static String span(Duration d) {
        long s = d.getSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        }
        return s / 3600 + " h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + " min");
    }

    static String expiry(Optional<Instant> expiresAt, Instant now) {
        return expiresAt.map(at -> (at.isAfter(now) ? "valid until " : "expired at ")
                + at.truncatedTo(ChronoUnit.SECONDS) + " (" + relative(at, now) + ")")
                .orElse("no expiry given by the server");
    }
}
