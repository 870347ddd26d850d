package dev.jlogin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The store's times read back exactly as {@link Instant#parse} reads them. */
class UtcInstantTest {

    @Test
    void readsWhatInstantWritesLikeInstantParse() {
        long seed = Long.getLong("jlogin.test.seed", System.nanoTime());
        System.out.println("UtcInstantTest seed: " + seed);
        Random random = new Random(seed);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(0, 253_402_300_799L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(4) == 0 ? random.nextInt(1000) * 1_000_000 : random.nextInt(1_000_000_000));
            String text = instant.toString();
            assertThat(UtcInstant.parse(text)).as("seed %d: %s", seed, text).isEqualTo(Instant.parse(text)).isEqualTo(instant);
        }
    }

    /** The calendar's edges: leap days (every 4th year, not every 100th, every 400th), year 0, year 9999. */
    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01T00:00:00Z", "0000-02-29T23:59:59Z", "0000-03-01T00:00:00Z", "1969-12-31T23:59:59Z",
            "1970-01-01T00:00:00Z", "2000-02-29T12:00:00Z", "2024-02-29T12:00:00Z", "2100-02-28T12:00:00Z",
            "2100-03-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z"})
    void readsEveryKindOfDayLikeInstantParse(String text) {
        assertThat(UtcInstant.parse(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026-01-31", "2026-01-31T12:00:00", "2026-01-31T12:00:00+01:00", "2026-02-30T12:00:00Z",
            "2026-13-01T12:00:00Z", "2026-01-31T24:00:00Z", "2026-01-31T12:60:00Z", "2026-01-31T12:00:60Z",
            "2026-01-31 12:00:00Z", "2026-01-31T12:00:00.Z", "2026-01-31T12:00:00.1234567890Z", "2026-01-31T12:00:00,5Z",
            "+2026-01-31T12:00:00Z", "2026-1-31T12:00:00Z", "２０２６-01-31T12:00:00Z", "2027-02-29T12:00:00Z",
            "2100-02-29T12:00:00Z", "1900-02-29T12:00:00Z", "2026-04-31T12:00:00Z", "2026-00-10T12:00:00Z",
            "2026-01-00T12:00:00Z", "2026-12-32T12:00:00Z"})
    void refusesAnythingElse(String text) {
        assertThatThrownBy(() -> UtcInstant.parse(text)).isInstanceOf(DateTimeException.class);
    }
}
