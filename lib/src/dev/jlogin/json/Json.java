package dev.jlogin.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes JSON (RFC 8259) from plain values: {@code Map}s with string keys, {@code Collection}s,
 * {@code String}s, whole and finite numbers, {@code Boolean}s and {@code null}. Anything else is a
 * programming error. Non-ASCII text is written as is (the output is UTF-8); control characters,
 * lone surrogates and the line and paragraph separators are escaped, so the output is safe in a
 * JavaScript string and on one line.
 */
public final class Json {
    private Json() {
    }

    /** One line. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        value(out, value, -1);
        return out.toString();
    }

    /** Indented by two spaces per level, for files that people may read. */
    public static String writePretty(Object value) {
        StringBuilder out = new StringBuilder();
        value(out, value, 0);
        return out.toString();
    }

    /** {@code indent} is the nesting level when pretty, or -1 for one line. */
    private static void value(StringBuilder out, Object value, int indent) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON has no NaN or infinity");
            }
            out.append(value instanceof BigDecimal ? value.toString() : Double.toString(d));
        } else if (value instanceof Map<?, ?> map) {
            object(out, map, indent);
        } else if (value instanceof Collection<?> list) {
            array(out, list, indent);
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    private static void object(StringBuilder out, Map<?, ?> map, int indent) {
        out.append('{');
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException("JSON object keys are strings");
            }
            newline(out, indent, 1);
            string(out, key);
            out.append(indent >= 0 ? " : " : ":");
            value(out, entry.getValue(), indent >= 0 ? indent + 1 : -1);
            if (entries.hasNext()) {
                out.append(',');
            }
        }
        if (!map.isEmpty()) {
            newline(out, indent, 0);
        }
        out.append('}');
    }

    private static void array(StringBuilder out, Collection<?> list, int indent) {
        out.append('[');
        Iterator<?> items = list.iterator();
        while (items.hasNext()) {
            newline(out, indent, 1);
            value(out, items.next(), indent >= 0 ? indent + 1 : -1);
            if (items.hasNext()) {
                out.append(',');
            }
        }
        if (!list.isEmpty()) {
            newline(out, indent, 0);
        }
        out.append(']');
    }

    /** In pretty mode ({@code indent >= 0}), a new line indented {@code deeper} levels past {@code indent}. */
    private static void newline(StringBuilder out, int indent, int deeper) {
        if (indent >= 0) {
            out.append('\n');
            out.append("  ".repeat(indent + deeper));
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                            || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || (Character.isSurrogate(c) && !paired)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
