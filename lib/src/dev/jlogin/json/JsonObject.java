package dev.jlogin.json;

import java.util.Collections;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A parsed JSON object with strict, typed accessors. A field of the wrong type is an error,
 * not a silent default, because a server that sends {@code "expires_in": "soon"} is broken.
 */
public final class JsonObject {
    private final Map<String, Object> fields;

    private JsonObject(Map<String, Object> fields) {
        this.fields = fields;
    }

    /** Parses a JSON object; errors never quote the input, which may be a token response. */
    public static JsonObject parse(String text) throws MalformedJsonException {
        if (JsonReader.read(text) instanceof Map<?, ?> map) {
            return new JsonObject(stringKeys(map));
        }
        throw new MalformedJsonException("not a JSON object");
    }

    public static JsonObject of(Map<String, ?> fields) {
        return new JsonObject(new LinkedHashMap<>(fields));
    }

    public boolean has(String name) {
        return fields.get(name) != null;
    }

    public Optional<String> string(String name) throws MalformedJsonException {
        Object value = fields.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String s) {
            return Optional.of(s);
        }
        throw new MalformedJsonException("'" + name + "' must be a string");
    }

    public String requireString(String name) throws MalformedJsonException {
        String value = string(name).orElseThrow(() -> new MalformedJsonException("'" + name + "' is missing"));
        if (value.isEmpty()) {
            throw new MalformedJsonException("'" + name + "' is empty");
        }
        return value;
    }

    public OptionalLong integer(String name) throws MalformedJsonException {
        Object value = fields.get(name);
        if (value == null) {
            return OptionalLong.empty();
        }
        if (value instanceof Long) {
            return OptionalLong.of(((Number) value).longValue());
        }
        throw new MalformedJsonException("'" + name + "' must be a whole number");
    }

    public Optional<Boolean> bool(String name) throws MalformedJsonException {
        Object value = fields.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Boolean b) {
            return Optional.of(b);
        }
        throw new MalformedJsonException("'" + name + "' must be true or false");
    }

    public Optional<JsonObject> object(String name) throws MalformedJsonException {
        Object value = fields.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> map) {
            return Optional.of(new JsonObject(stringKeys(map)));
        }
        throw new MalformedJsonException("'" + name + "' must be an object");
    }

    /** An array of objects, such as a JWK set's {@code keys}; any other element is an error. */
    public Optional<List<JsonObject>> objects(String name) throws MalformedJsonException {
        Object value = fields.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof List<?> list)) {
            throw new MalformedJsonException("'" + name + "' must be an array");
        }
        List<JsonObject> objects = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> map)) {
                throw new MalformedJsonException("'" + name + "' must hold only objects");
            }
            objects.add(new JsonObject(stringKeys(map)));
        }
        return Optional.of(objects);
    }

    /** The raw fields, for display of claims. */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(fields);
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }
}
