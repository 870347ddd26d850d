package dev.jlogin.testing;

import dev.jlogin.json.JsonObject;
import dev.jlogin.json.MalformedJsonException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON schemas of the "JSON output" section of docs/commands.md, parsed from that page itself,
 * so output checked against them cannot drift from what is documented. Each schema is a table of
 * {@code | `field` | type[, optional] | values and meaning |}; see that section for the types.
 */
public final class JsonSchemas {
    /** Where the commands' JSON is documented. */
    private static final String PAGE = "docs/commands.md";
    /** One documented field: its path ({@code a}, {@code a.b}, {@code a[].b}), type, and the values an enum allows. */
    public record Field(String path, String type, boolean optional, Set<String> values) {
    }

    /** ISO 8601 in UTC to the second: the one timestamp format. */
    public static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| ([a-z]+)(, optional)? \\|(.*)\\|$");
    /** An enum's values: the list of code spans that starts its last column, before any explanation. */
    private static final Pattern VALUES = Pattern.compile("^\\s*((?:`[^`]+`(?:, )?)+)");
    private static final Pattern VALUE = Pattern.compile("`([^`]+)`");
    private static final Set<String> TYPES = Set.of("string", "integer", "boolean", "timestamp", "enum", "strings", "object",
            "objects", "map");

    private final Map<String, List<Field>> schemas;
    /** Values seen per schema and enum field, so a test can ask whether every documented value was produced. */
    private final Map<String, Set<String>> seen = new LinkedHashMap<>();

    private JsonSchemas(Map<String, List<Field>> schemas) {
        this.schemas = schemas;
    }

    public static JsonSchemas documented() {
        List<String> lines;
        try {
            lines = Files.readAllLines(JBang.REPO.resolve(PAGE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = lines.indexOf("### JSON output");
        if (start < 0) {
            throw new AssertionError(PAGE + " has no '### JSON output' section");
        }
        Map<String, List<Field>> schemas = new LinkedHashMap<>();
        List<Field> current = null;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ") || line.startsWith("### ")) {
                break;
            }
            if (line.startsWith("#### ")) {
                current = new ArrayList<>();
                schemas.put(line.substring(5).strip(), current);
                continue;
            }
            Matcher row = ROW.matcher(line);
            if (current != null && row.matches()) {
                String type = row.group(2);
                if (!TYPES.contains(type)) {
                    throw new AssertionError(PAGE + ": unknown JSON type '" + type + "' in: " + line);
                }
                Set<String> values = new LinkedHashSet<>();
                Matcher list = VALUES.matcher(row.group(4));
                if (type.equals("enum") && list.find()) {
                    Matcher value = VALUE.matcher(list.group(1));
                    while (value.find()) {
                        values.add(value.group(1));
                    }
                }
                current.add(new Field(row.group(1), type, row.group(3) != null, values));
            }
        }
        return new JsonSchemas(schemas);
    }

    public Set<String> names() {
        return schemas.keySet();
    }

    /** Checks one line of output against schema {@code name}; throws an AssertionError listing every difference. */
    public void check(String name, String line) {
        List<Field> schema = schemas.get(name);
        if (schema == null || schema.isEmpty()) {
            throw new AssertionError(PAGE + " documents no JSON schema '" + name + "'");
        }
        Map<String, Object> json;
        try {
            json = JsonObject.parse(line.strip()).asMap();
        } catch (MalformedJsonException e) {
            throw new AssertionError("not a JSON object (" + e.getMessage() + "): " + line);
        }
        List<String> errors = new ArrayList<>();
        check(name, schema, "", json, errors);
        if (!errors.isEmpty()) {
            throw new AssertionError("output does not match docs/commands.md's '" + name + "' schema: " + errors + "\n" + line);
        }
    }

    /** The documented values of {@code name}'s enum {@code field} that no checked output has had. */
    public Set<String> unseenValues(String name, String field) {
        Set<String> unseen = new LinkedHashSet<>(schemas.get(name).stream().filter(f -> f.path().equals(field))
                .findFirst().orElseThrow(() -> new AssertionError(name + " has no field " + field)).values());
        unseen.removeAll(seen.getOrDefault(name + " " + field, Set.of()));
        return unseen;
    }

    private void check(String name, List<Field> schema, String prefix, Map<String, Object> object, List<String> errors) {
        for (Map.Entry<String, Object> member : object.entrySet()) {
            String path = prefix + member.getKey();
            Field field = schema.stream().filter(f -> f.path().equals(path)).findFirst().orElse(null);
            if (field == null) {
                errors.add(path + " is not documented");
                continue;
            }
            Object value = member.getValue();
            if (!hasType(field, value)) {
                errors.add(path + " should be " + field.type() + (field.values().isEmpty() ? "" : " " + field.values())
                        + " but is " + value);
                continue;
            }
            if (field.type().equals("enum")) {
                seen.computeIfAbsent(name + " " + path, k -> new LinkedHashSet<>()).add((String) value);
            }
            if (field.type().equals("object")) {
                check(name, schema, path + ".", cast(value), errors);
            } else if (field.type().equals("objects")) {
                for (Object element : (List<?>) value) {
                    check(name, schema, path + "[].", cast(element), errors);
                }
            }
        }
        for (Field field : schema) {
            String rest = field.path().startsWith(prefix) ? field.path().substring(prefix.length()) : null;
            if (rest != null && !rest.contains(".") && !rest.contains("[]") && !field.optional() && !object.containsKey(rest)) {
                errors.add(field.path() + " is missing");
            }
        }
    }

    private static boolean hasType(Field field, Object value) {
        switch (field.type()) {
            case "string":
                return value instanceof String;
            case "integer":
                return value instanceof Long;
            case "boolean":
                return value instanceof Boolean;
            case "timestamp":
                return value instanceof String s && TIMESTAMP.matcher(s).matches();
            case "enum":
                return value instanceof String s && field.values().contains(s);
            case "strings":
                return value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
            case "objects":
                return value instanceof List<?> list && list.stream().allMatch(Map.class::isInstance);
            case "map":
                return value instanceof Map<?, ?> map && map.values().stream().allMatch(String.class::isInstance);
            default:
                return value instanceof Map;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
