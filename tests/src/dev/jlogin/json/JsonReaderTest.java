package dev.jlogin.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.jr.ob.JSON;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 8259 from the text of the RFC, then a differential run against jackson on generated and mutated input. */
class JsonReaderTest {

    @Test
    void readsTheRfcsExampleObject() throws Exception {
        // RFC 8259 section 13, first example (shortened)
        Object value = JsonReader.read("{\"Image\": {\"Width\": 800, \"Height\": 600, \"Title\": \"View from 15th Floor\","
                + " \"Thumbnail\": {\"Url\": \"http://www.example.com/image/481989943\", \"Height\": 125, \"Width\": 100},"
                + " \"Animated\" : false, \"IDs\": [116, 943, 234, 38793]}}");
        Map<?, ?> image = (Map<?, ?>) ((Map<?, ?>) value).get("Image");
        assertThat(image.get("Width")).isEqualTo(800L);
        assertThat(image.get("Animated")).isEqualTo(false);
        assertThat(image.get("IDs")).isEqualTo(List.of(116L, 943L, 234L, 38793L));
        assertThat(((Map<?, ?>) image.get("Thumbnail")).get("Url")).isEqualTo("http://www.example.com/image/481989943");
    }

    @Test
    void scalarsAtTheTopLevelAreValues() throws Exception {
        // RFC 8259 section 13: "Here are three small JSON texts containing only values"
        assertThat(JsonReader.read("\"Hello world!\"")).isEqualTo("Hello world!");
        assertThat(JsonReader.read("42")).isEqualTo(42L);
        assertThat(JsonReader.read("true")).isEqualTo(true);
        assertThat(JsonReader.read(" null ")).isNull();
    }

    @Test
    void stringEscapesIncludingSurrogatePairs() throws Exception {
        // section 7: the G clef as a UTF-16 surrogate pair
        assertThat(JsonReader.read("\"\\uD834\\uDD1E\"")).isEqualTo("\uD834\uDD1E");
        assertThat(JsonReader.read("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"")).isEqualTo("a\"b\\c/d\b\f\n\r\t");
    }

    @Test
    void numbersKeepTheirKind() throws Exception {
        assertThat(JsonReader.read("-0")).isEqualTo(0L);
        assertThat(JsonReader.read("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(JsonReader.read("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(JsonReader.read("9223372036854775808")).isEqualTo(9.223372036854775808E18);
        assertThat(JsonReader.read("1.5e3")).isEqualTo(1500.0);
        assertThatThrownBy(() -> JsonReader.read("1E400")).hasMessageContaining("number out of range");
        assertThatThrownBy(() -> JsonReader.read("1" + "0".repeat(100_000))).hasMessageContaining("number out of range");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "}", "[1,]", "{\"a\":1,}", "{'a':1}", "01", "1.", ".5", "-", "+1", "1e", "NaN",
            "Infinity", "tru", "nul", "\"\\x\"", "\"\\u12G4\"",
            // section 7: HEXDIG is ASCII (RFC 5234), not another script's digit (Balinese one, fullwidth one)
            "\"\\u01C\u1B51\"", "\"\\u\uFF11234\"", "\"unterminated", "\"tab\there\"", "{\"a\" 1}", "{1:2}",
            "[1 2]", "1 2", "{\"a\":1,\"a\":2}", "{} x", "// comment\n{}", "\u00a0{}"})
    void rejectsWhatTheGrammarDoesNot(String text) {
        assertThatThrownBy(() -> JsonReader.read(text)).isInstanceOf(MalformedJsonException.class)
                .hasMessageStartingWith("not valid JSON");
    }

    @Test
    void nestingIsCapped() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> JsonReader.read(deep)).isInstanceOf(MalformedJsonException.class)
                .hasMessageContaining("nested too deeply");
    }

    @Test
    void errorsNeverQuoteTheInput() {
        assertThatThrownBy(() -> JsonReader.read("{\"access_token\": \"SECRET-VALUE\" x}"))
                .hasMessageNotContaining("SECRET-VALUE");
    }

    /**
     * Differential: generated documents, and single-character mutations of them, are accepted by
     * this reader exactly when jackson (a strict parser by default) accepts them, with equal values.
     */
    @Test
    void agreesWithJacksonOnGeneratedAndMutatedInput() throws Exception {
        long seed = Long.getLong("jlogin.test.seed", System.nanoTime());
        System.out.println("JsonReaderTest seed: " + seed);
        Random random = new Random(seed);
        String alphabet = "{}[]\":,.-+eE0123456789 \\/ubfnrtx\t\nal\u00e9\uD834";
        for (int i = 0; i < 20_000; i++) {
            String text = JSON.std.asString(RandomJson.value(random, 0));
            if (i % 2 == 1) {
                StringBuilder mutated = new StringBuilder(text);
                int at = random.nextInt(mutated.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> mutated.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> { if (at < mutated.length()) mutated.deleteCharAt(at); }
                    default -> { if (at < mutated.length()) mutated.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length()))); }
                }
                text = mutated.toString();
            }
            Object expected;
            try {
                expected = jackson(text);
            } catch (Exception e) {
                expected = Fail.FAIL;
            }
            Object actual;
            try {
                actual = JsonReader.read(text);
            } catch (MalformedJsonException e) {
                actual = Fail.FAIL;
            }
            assertThat(normalize(actual)).as("seed %d, input %s", seed, escaped(text)).isEqualTo(normalize(expected));
        }
    }

    private enum Fail { FAIL }

    /** The input with everything but printable ASCII as \\uXXXX, so that a report shows it whole. */
    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return out.toString();
    }

    /**
     * A \\u escape with a character beyond ASCII among its four digits (after an even run of
     * backslashes, so the escape is real): RFC 8259's HEXDIG is ASCII, but jackson-core reads a
     * digit as its low byte, so U+D834 passes for '4'.
     */
    private static final Pattern NON_ASCII_HEX = Pattern.compile("(?<!\\\\)(?:\\\\\\\\)*\\\\u[0-9A-Fa-f]{0,3}[^\\x00-\\x7f]");

    /** jackson-jr's value, or FAIL; it ignores text after the value, so that is checked here. */
    private static Object jackson(String text) throws Exception {
        if (NON_ASCII_HEX.matcher(text).find()) {
            return Fail.FAIL;
        }
        try (JsonParser parser = new JsonFactory().createParser(text)) {
            if (parser.nextToken() == null) {
                return Fail.FAIL;
            }
            Object value = JSON.std.anyFrom(parser);
            // jackson reads numbers beyond a double's range as infinity; the reader refuses them
            return parser.nextToken() == null && !containsInfinity(value) ? value : Fail.FAIL;
        }
    }

    private static boolean containsInfinity(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(JsonReaderTest::containsInfinity);
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(JsonReaderTest::containsInfinity);
        }
        return value instanceof Double d && d.isInfinite();
    }

    /** Numbers compared as doubles (jackson makes Integers, Longs, BigIntegers and Doubles; the reader Longs and Doubles). */
    static Object normalize(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, normalize(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(JsonReaderTest::normalize).toList();
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        return value;
    }
}
