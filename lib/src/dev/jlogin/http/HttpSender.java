package dev.jlogin.http;

import dev.jlogin.Secret;
import dev.jlogin.Version;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends one HTTP request and returns the completed exchange: the one method the library's HTTP
 * goes through, so that tests and callers can stand in for the network. {@link HttpTransport} is
 * the real one; the form POST and GET the protocol needs are built here on top of it.
 */
@FunctionalInterface
public interface HttpSender {

    /** Sends {@code request}; fails with a {@link TransportException} when no answer comes. */
    HttpResult send(HttpRequest request);

    /** Where {@code --verbose} notes go; parsers add what they had to change in a response. */
    default HttpLog log() {
        return HttpLog.NONE;
    }

    /** POST of an {@code application/x-www-form-urlencoded} body. */
    default HttpResult postForm(URI uri, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** GET, with a bearer token when one is given. */
    default HttpResult get(URI uri, Secret bearer) {
        HttpRequest.Builder builder = request(uri).GET();
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer.reveal());
        }
        return send(builder.build());
    }

    /** A request that accepts JSON (GitHub answers form-encoded without it) and names jlogin. */
    static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).header("Accept", "application/json").header("User-Agent", "jlogin/" + Version.VERSION);
    }
}
