package dev.jlogin.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.jr.ob.JSON;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The writer: what it writes is read back as the same value, by jackson and by {@link JsonReader}. */
class JsonTest {

    @Test
    void writesOneLineOrIndented() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("a", 1L);
        value.put("b", List.of("x", true));
        value.put("c", Map.of());
        value.put("d", null);
        assertThat(Json.write(value)).isEqualTo("{\"a\":1,\"b\":[\"x\",true],\"c\":{},\"d\":null}");
        assertThat(Json.writePretty(value)).isEqualTo("{\n  \"a\" : 1,\n  \"b\" : [\n    \"x\",\n    true\n  ],\n"
                + "  \"c\" : {},\n  \"d\" : null\n}");
    }

    @Test
    void escapesWhatMustBeEscapedAndKeepsTheRest() throws Exception {
        String hostile = "q\" b\\ nl\n cr\r tab\t nul\u0000 esc\u001b ls\u2028 ps\u2029 lone\ud800 pair\ud834\udd1e é";
        String written = Json.write(Map.of("s", hostile));
        assertThat(written).doesNotContain("\n").doesNotContain("\u001b").doesNotContain("\u2028").doesNotContain("\u0000")
                .contains("\\u001b").contains("\\u2028").contains("\\ud800").contains("\ud834\udd1e").contains("é");
        assertThat(JsonReader.read(written)).isEqualTo(Map.of("s", hostile));
        assertThat(JSON.std.mapFrom(written)).isEqualTo(Map.of("s", hostile));
    }

    @Test
    void refusesWhatJsonCannotSay() {
        assertThatThrownBy(() -> Json.write(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(Map.of(1, "x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundTripsGeneratedValuesThroughJacksonAndTheReader() throws Exception {
        long seed = Long.getLong("jlogin.test.seed", System.nanoTime());
        System.out.println("JsonTest seed: " + seed);
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            Object value = RandomJson.value(random, 0);
            String text = i % 2 == 0 ? Json.write(value) : Json.writePretty(value);
            assertThat(JsonReaderTest.normalize(JsonReader.read(text))).as("seed %d: %s", seed, text)
                    .isEqualTo(JsonReaderTest.normalize(value));
            assertThat(JsonReaderTest.normalize(JSON.std.anyFrom(text))).as("seed %d: %s", seed, text)
                    .isEqualTo(JsonReaderTest.normalize(value));
        }
    }
}
