package dev.jlogin.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 reader into plain values: {@code Map} (insertion-ordered), {@code List},
 * {@code String}, {@code Long} for whole numbers within its range, {@code Double} for every
 * other number (so a huge literal costs linear time; one beyond a double's range is an error),
 * {@code Boolean} and {@code null}.
 *
 * <p>Why not a JSON library: initialising jackson's parser cost more than the rest of a cached
 * {@code token} call (about 7 ms even with an AOT cache, and its jars on the class path another
 * 7 ms), and every call reads the store. Nesting is capped, so hostile input cannot exhaust the stack; a field name
 * given twice is an error. Error
 * messages give a position, never the input, which may be a token response.
 */
final class JsonReader {
    private static final int MAX_DEPTH = 64;

    private final String text;
    private int pos;

    private JsonReader(String text) {
        this.text = text;
    }

    static Object read(String text) throws MalformedJsonException {
        JsonReader reader = new JsonReader(text);
        reader.skipWhitespace();
        Object value = reader.value(0);
        reader.skipWhitespace();
        if (reader.pos != text.length()) {
            throw reader.error("unexpected text after the value");
        }
        return value;
    }

    private Object value(int depth) throws MalformedJsonException {
        if (depth > MAX_DEPTH) {
            throw error("nested too deeply");
        }
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected character");
        }
    }

    private Map<String, Object> object(int depth) throws MalformedJsonException {
        Map<String, Object> result = new LinkedHashMap<>();
        pos++;
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return result;
        }
        while (true) {
            if (peek() != '"') {
                throw error("expected a field name");
            }
            String name = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            if (result.containsKey(name)) {
                // which of two access_token fields counts must not be a guess
                throw error("duplicate field name");
            }
            result.put(name, value(depth + 1));
            skipWhitespace();
            char c = next();
            if (c == '}') {
                return result;
            }
            if (c != ',') {
                throw error("expected ',' or '}'");
            }
            skipWhitespace();
        }
    }

    private List<Object> array(int depth) throws MalformedJsonException {
        List<Object> result = new ArrayList<>();
        pos++;
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return result;
        }
        while (true) {
            result.add(value(depth + 1));
            skipWhitespace();
            char c = next();
            if (c == ']') {
                return result;
            }
            if (c != ',') {
                throw error("expected ',' or ']'");
            }
            skipWhitespace();
        }
    }

    private String string() throws MalformedJsonException {
        pos++; // the opening quote
        StringBuilder out = null;
        int start = pos;
        while (true) {
            char c = next();
            if (c == '"') {
                return out == null ? text.substring(start, pos - 1) : out.toString();
            }
            if (c < 0x20) {
                throw error("control character in a string");
            }
            if (c == '\\') {
                if (out == null) {
                    out = new StringBuilder(text.substring(start, pos - 1));
                }
                out.append(escape());
            } else if (out != null) {
                out.append(c);
            }
        }
    }

    private char escape() throws MalformedJsonException {
        char c = next();
        switch (c) {
            case '"':
            case '\\':
            case '/':
                return c;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                if (pos + 4 > text.length()) {
                    throw error("unexpected end");
                }
                int code = 0;
                for (int i = 0; i < 4; i++) {
                    char hex = text.charAt(pos++);
                    // ASCII hex only: Character.digit would also take other scripts' digits (U+1B51 as 1)
                    int digit = hex < 128 ? Character.digit(hex, 16) : -1;
                    if (digit < 0) {
                        throw error("bad \\u escape");
                    }
                    code = code * 16 + digit;
                }
                return (char) code;
            default:
                throw error("bad escape");
        }
    }

    private Object number() throws MalformedJsonException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (!digits()) {
            throw error("bad number");
        }
        boolean integral = true;
        if (peek() == '.') {
            pos++;
            integral = false;
            if (!digits()) {
                throw error("bad number");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            integral = false;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!digits()) {
                throw error("bad number");
            }
        }
        String literal = text.substring(start, pos);
        if (integral && literal.length() <= 20) {
            try {
                return Long.valueOf(literal);
            } catch (NumberFormatException e) {
                // past the range of long: a Double, like any number that is not a whole long
            }
        }
        double value = Double.parseDouble(literal);
        if (Double.isInfinite(value)) {
            throw error("number out of range");
        }
        return value;
    }

    private boolean digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }

    private Object literal(String word, Object value) throws MalformedJsonException {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected character");
        }
        pos += word.length();
        return value;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private char next() throws MalformedJsonException {
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(pos++);
    }

    private void expect(char c) throws MalformedJsonException {
        if (next() != c) {
            throw error("expected '" + c + "'");
        }
    }

    private MalformedJsonException error(String what) {
        return new MalformedJsonException("not valid JSON: " + what + " at offset " + pos);
    }
}
