package dev.jlogin.http;

/**
 * Where {@code --verbose} traffic notes go. Only method, URL (without query) and status are
 * passed in, never a header or body, so a log cannot carry a token.
 */
@FunctionalInterface
public interface HttpLog {
    HttpLog NONE = line -> { };

    void note(String line);
}
