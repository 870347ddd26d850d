package dev.jlogin.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jlogin.JLoginException;
import dev.jlogin.oauth.AuthorizationResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where the browser comes back to at the end of a browser login (RFC 8252 §7.3): an HTTP listener
 * on 127.0.0.1 only, on a port the OS picks unless one is given. It answers {@link #PATH} and
 * nothing else, and only an answer that carries the login's state counts: any other request is
 * turned away and the login goes on waiting, so another local process can neither end nor take
 * over the login. The browser's request is held open until the login has used the answer, so the
 * page it shows says whether the login worked.
 */
public final class RedirectListener implements AutoCloseable {
    public static final String PATH = "/callback";
    /** How long the browser's page waits for the token exchange before it says "see the terminal". */
    private static final Duration PAGE_WAIT = Duration.ofSeconds(30);
    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    /** The answer that carries the state, and the page the browser is shown for it. */
    public static final class Arrival {
        private final AuthorizationResponse response;
        private final CompletableFuture<byte[]> page = new CompletableFuture<>();

        private Arrival(AuthorizationResponse response) {
            this.response = response;
        }

        public AuthorizationResponse response() {
            return response;
        }

        /** Tells the browser the login worked. */
        public void succeeded() {
            page.complete(CallbackPage.render("Logged in", "You are logged in. You can close this tab and return to the terminal."));
        }

        /** Tells the browser the login failed, and why (one sentence; server text is escaped). */
        public void failed(String why) {
            page.complete(CallbackPage.render("Login failed", "The login failed: " + why + ". See the terminal for what to do."));
        }
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final String state;
    private final BlockingQueue<Arrival> arrivals = new SynchronousQueue<>();
    private final AtomicBoolean answered = new AtomicBoolean();

    private RedirectListener(HttpServer server, ExecutorService threads, String state) {
        this.server = server;
        this.threads = threads;
        this.state = state;
    }

    /** Listens on 127.0.0.1:{@code port} (0: any free port) for the answer that carries {@code state}. */
    public static RedirectListener open(int port, String state) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(LOOPBACK), port), 0);
        } catch (BindException e) {
            throw new JLoginException(JLoginException.Kind.CONFIGURATION, "cannot listen on 127.0.0.1:" + port
                    + " for the browser's answer: the port is in use (it is the redirect port the client is registered with;"
                    + " stop what uses it, or use the device flow with --device)");
        } catch (IOException e) {
            throw new JLoginException(JLoginException.Kind.CONFIGURATION, "cannot listen on 127.0.0.1 for the browser's answer: "
                    + e.getMessage(), e);
        }
        // a few threads: a page held open for the login's outcome must not keep a stray request waiting
        ExecutorService threads = Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "jlogin-redirect");
            thread.setDaemon(true);
            return thread;
        });
        RedirectListener listener = new RedirectListener(server, threads, state);
        server.createContext("/", listener::handle);
        server.setExecutor(threads);
        server.start();
        return listener;
    }

    /** The redirect URI for the authorization request: the literal loopback address, as RFC 8252 §7.3 advises. */
    public URI redirectUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /** Waits up to {@code timeout} for the answer that carries the state. */
    public Arrival await(Duration timeout) throws InterruptedException, TimeoutException {
        Arrival arrival = arrivals.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (arrival == null) {
            throw new TimeoutException();
        }
        return arrival;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) || !PATH.equals(exchange.getRequestURI().getPath())) {
                reply(exchange, 404, CallbackPage.render("Not found", "Nothing here."));
                return;
            }
            AuthorizationResponse response = AuthorizationResponse.parse(exchange.getRequestURI().getRawQuery());
            if (!response.answers(state) || !answered.compareAndSet(false, true)) {
                reply(exchange, 400, CallbackPage.render("Not this login",
                        "This answer is not for the login waiting here, or that login has its answer already; it was ignored."));
                return;
            }
            reply(exchange, 200, deliver(new Arrival(response)));
        }
    }

    /** Hands the answer to the login and waits for the page to show. */
    private byte[] deliver(Arrival arrival) {
        try {
            if (!arrivals.offer(arrival, PAGE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return CallbackPage.render("Login ended", "The login is no longer waiting. See the terminal.");
            }
            return arrival.page.get(PAGE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            // the login is still busy or gone: the terminal says how it went
        }
        return CallbackPage.render("Login answered", "See the terminal for how the login went.");
    }

    private static void reply(HttpExchange exchange, int status, byte[] page) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        // nothing on the page may load, and the callback's address (with the code) must not travel on
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, page.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
        }
    }

    /** Stops listening; a page still held open gets its answer first, for up to a second. */
    @Override
    public void close() {
        server.stop(1);
        threads.shutdownNow();
    }
}
