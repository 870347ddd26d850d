package dev.jlogin.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A git server over HTTP on loopback: git's own {@code http-backend} (CGI) serving the bare
 * repositories in a folder, behind Basic authentication whose password must be an access token
 * the IdP accepts right now (the judge: the fake server's records, or Keycloak's userinfo). Every
 * request is recorded with the password it carried, so a test can tell what git was given.
 */
public final class GitHttpServer implements AutoCloseable {
    /** One request: its path, the Basic password if any, and whether the judge accepted it. */
    public record Attempt(String path, Optional<String> password, boolean accepted) {
    }

    private final HttpServer server;
    private final Path root;
    private final Predicate<String> judge;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "git-http-server");
        t.setDaemon(true);
        return t;
    });
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();

    /** Serves the bare repositories under {@code root}; {@code judge} says whether a token is live. */
    public GitHttpServer(Path root, Predicate<String> judge) {
        this.root = root;
        this.judge = judge;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** {@code host:port}, as git names this server in a credential request. */
    public String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public String url(String repository) {
        return "http://" + host() + "/" + repository;
    }

    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Optional<String[]> credentials = basic(exchange.getRequestHeaders().getFirst("Authorization"));
            boolean accepted = credentials.isPresent() && judge.test(credentials.get()[1]);
            attempts.add(new Attempt(exchange.getRequestURI().getPath(), credentials.map(c -> c[1]), accepted));
            if (!accepted) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            cgi(exchange, credentials.get()[0], body);
        }
    }

    private static Optional<String[]> basic(String authorization) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return Optional.empty();
        }
        String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? Optional.empty() : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
    }

    /** Runs git http-backend as a CGI script (RFC 3875) for one request. */
    private void cgi(HttpExchange exchange, String user, byte[] body) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("git", "http-backend")
                .redirectError(ProcessBuilder.Redirect.appendTo(root.resolve("http-backend.log").toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("GIT_"));
        env.put("GIT_PROJECT_ROOT", root.toString());
        env.put("GIT_HTTP_EXPORT_ALL", "1");
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("HOME", root.toString());
        env.put("GATEWAY_INTERFACE", "CGI/1.1");
        env.put("SERVER_PROTOCOL", "HTTP/1.1");
        env.put("REQUEST_METHOD", exchange.getRequestMethod());
        env.put("PATH_INFO", exchange.getRequestURI().getPath());
        env.put("QUERY_STRING", Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""));
        env.put("CONTENT_LENGTH", Integer.toString(body.length));
        env.put("REMOTE_USER", user); // http-backend allows pushes only from an authenticated user
        env.put("REMOTE_ADDR", "127.0.0.1");
        Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).ifPresent(v -> env.put("CONTENT_TYPE", v));
        Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Encoding")).ifPresent(v -> env.put("HTTP_CONTENT_ENCODING", v));
        Optional.ofNullable(exchange.getRequestHeaders().getFirst("Git-Protocol")).ifPresent(v -> env.put("HTTP_GIT_PROTOCOL", v));
        Process process = builder.start();
        CompletableFuture<Void> input = CompletableFuture.runAsync(() -> {
            try (OutputStream in = process.getOutputStream()) {
                in.write(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, threads);
        byte[] output = process.getInputStream().readAllBytes();
        input.join();
        respond(exchange, output);
    }

    /** CGI output: header lines (Status among them), a blank line, the body. */
    private static void respond(HttpExchange exchange, byte[] output) throws IOException {
        int status = 200;
        int at = 0;
        while (true) {
            int end = at;
            while (end < output.length && output[end] != '\n') {
                end++;
            }
            String line = new String(output, at, end - at, StandardCharsets.ISO_8859_1).stripTrailing();
            at = Math.min(end + 1, output.length);
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            String name = line.substring(0, colon);
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Status")) {
                status = Integer.parseInt(value.split(" ")[0]);
            } else {
                exchange.getResponseHeaders().add(name, value);
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(output, at, output.length - at);
        exchange.sendResponseHeaders(status, body.size() == 0 ? -1 : body.size());
        if (body.size() > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                body.writeTo(out);
            }
        }
    }
}
