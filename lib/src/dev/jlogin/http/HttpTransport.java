package dev.jlogin.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The library's only door to the network: form POSTs and GETs with timeouts on every request,
 * JSON accepted (GitHub answers form-encoded without it), redirects not followed (a redirect
 * must not carry a form with a device code or refresh token somewhere else), bodies capped.
 */
public final class HttpTransport implements HttpSender {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final Duration requestTimeout;
    private final HttpLog log;
    private final Network network;
    private HttpClient client;

    public HttpTransport(Duration requestTimeout, HttpLog log, Network network) {
        this.requestTimeout = requestTimeout;
        this.log = log;
        this.network = network;
    }

    /**
     * Built on first use: building it sets up TLS, which costs more than half a second of start-up,
     * and {@code token} with a valid stored token makes no request at all.
     */
    private synchronized HttpClient client() {
        if (client == null) {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .connectTimeout(CONNECT_TIMEOUT.compareTo(requestTimeout) < 0 ? CONNECT_TIMEOUT : requestTimeout)
                    .followRedirects(HttpClient.Redirect.NEVER);
            network.configure(builder);
            client = builder.build();
        }
        return client;
    }

    public HttpTransport() {
        this(REQUEST_TIMEOUT, HttpLog.NONE, Network.DIRECT);
    }

    /**
     * Sends with this transport's timeout (unless the request sets its own); redirects are not
     * followed and the body is capped.
     */
    @Override
    public HttpResult send(HttpRequest request) {
        HttpRequest timed = request.timeout().isPresent() ? request
                : HttpRequest.newBuilder(request, (name, value) -> true).timeout(requestTimeout).build();
        URI uri = request.uri();
        String where = request.method() + " " + withoutQuery(uri);
        try {
            // get() bounds the whole exchange, body included; the request timeout alone stops at the headers
            HttpResult result = client().sendAsync(timed, HttpResponse.BodyHandlers.ofInputStream())
                    .thenApply(this::read)
                    .get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
            log.note(where + " -> " + result.status());
            return result;
        } catch (TimeoutException e) {
            log.note(where + " -> timed out");
            throw new TransportException(where + " timed out after " + requestTimeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TransportException t) {
                throw t;
            }
            log.note(where + " -> " + cause.getClass().getSimpleName());
            if (isUnresolved(cause)) {
                throw new TransportException("cannot resolve " + uri.getHost() + " (check the URL, or this machine's"
                        + " network and DNS)");
            }
            throw new TransportException("cannot reach " + uri.getScheme() + "://" + uri.getRawAuthority() + ": "
                    + describe(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(where + " interrupted");
        }
    }

    private HttpResult read(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new TransportException("response body larger than " + MAX_BODY_BYTES + " bytes");
            }
            return new HttpResult(response.statusCode(), retryAfter(response), new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JDK's client reports a name it cannot resolve as a ConnectException caused by this. */
    private static boolean isUnresolved(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable cause) {
        Throwable root = cause instanceof UncheckedIOException u ? u.getCause() : cause;
        if (root instanceof HttpConnectTimeoutException) {
            return "connection timed out";
        }
        if (root instanceof ConnectException) {
            return "connection refused";
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    @Override
    public HttpLog log() {
        return log;
    }

    /**
     * Retry-After in delta-seconds, at most {@link #MAX_RETRY_AFTER} (a longer wait ends a login
     * at its deadline in any case); the HTTP-date form is rare for OAuth servers and ignored.
     */
    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.trim());
                if (seconds > MAX_RETRY_AFTER.toSeconds()) {
                    log.note("Retry-After " + seconds + " s clamped to " + MAX_RETRY_AFTER.toSeconds() + " s");
                    seconds = MAX_RETRY_AFTER.toSeconds();
                }
                return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static String withoutQuery(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
