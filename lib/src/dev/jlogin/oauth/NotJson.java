package dev.jlogin.oauth;

import dev.jlogin.http.HttpResult;
import dev.jlogin.json.MalformedJsonException;

/**
 * Says what a server sent instead of JSON, without quoting it (it may hold a token). A
 * form-encoded body is named as such: GitHub answers that way to a request whose
 * {@code Accept: application/json} header was lost, typically by a proxy.
 */
public final class NotJson {
    private NotJson() {
    }

    public static String describe(String who, HttpResult result, MalformedJsonException e) {
        if (looksFormEncoded(result.body())) {
            return who + " answered HTTP " + result.status() + " with form-encoded data instead of JSON (jlogin asks for"
                    + " JSON with Accept: application/json; a proxy may have dropped that header); refused";
        }
        return who + " answered HTTP " + result.status() + " with a body that is " + e.getMessage();
    }

    /** {@code name=value&…}: a first field name of word characters followed by '='. */
    private static boolean looksFormEncoded(String body) {
        int eq = body.indexOf('=');
        return eq > 0 && body.substring(0, eq).chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
    }
}
