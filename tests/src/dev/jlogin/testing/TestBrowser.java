package dev.jlogin.testing;

import dev.jlogin.browser.BrowserLauncher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A browser for the browser login against the fake server: it follows the authorization
 * request's redirects to the loopback listener, as a browser does, and keeps the page it ends on.
 * Like a real opener it returns at once; the browsing happens on another thread.
 */
public final class TestBrowser implements BrowserLauncher {
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .proxy(HttpClient.Builder.NO_PROXY).connectTimeout(Duration.ofSeconds(10)).build();
    private final List<URI> opened = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<String>> page = new CompletableFuture<>();
    private volatile boolean browsing = true;

    /** A browser that opens nothing: the person never comes back (a timeout, or Ctrl-C). */
    public static TestBrowser idle() {
        TestBrowser browser = new TestBrowser();
        browser.browsing = false;
        return browser;
    }

    @Override
    public Outcome open(URI uri) {
        opened.add(uri);
        if (browsing) {
            client.sendAsync(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> {
                        if (failure != null) {
                            page.completeExceptionally(failure);
                        } else {
                            page.complete(response);
                        }
                    });
        }
        return Outcome.success();
    }

    public List<URI> opened() {
        return opened;
    }

    /** The page the browser ended on (the listener's), once it has it. */
    public HttpResponse<String> page() throws Exception {
        return page.get(30, TimeUnit.SECONDS);
    }

    /** The decoded value of {@code name} in {@code link}'s query (the authorization request's redirect_uri, state…). */
    public static String queryParameter(URI link, String name) {
        for (String pair : link.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + link);
    }

    /** Whether something accepts connections at {@code uri}'s host and port. */
    public static boolean listening(URI uri) {
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** A request to {@code uri} as another local process would send it. */
    public static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build()
                .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
