package dev.jlogin.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A stand-in Kubernetes API server for kubectl: HTTPS on loopback (kubectl sends an exec plugin's
 * token only over TLS) with a certificate made at start, answering {@code /api} only for a bearer
 * token that {@code live} accepts (the IdP's view of it), else 401, as an API server with OIDC
 * authentication would. {@link #kubeconfig} writes a kubeconfig whose context uses the user NAME.
 */
public final class StubKubeApiServer implements AutoCloseable {
    public static final String API_VERSIONS = "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"],"
            + "\"serverAddressByClientCIDRs\":[{\"clientCIDR\":\"0.0.0.0/0\",\"serverAddress\":\"127.0.0.1:6443\"}]}";
    private static final String PASSWORD = "stub-api-password";

    /** A request's bearer token (null without one) and the status it got. */
    public record Call(String path, String bearer, int status) {
    }

    private final HttpsServer server;
    private final Path caFile;
    private final Predicate<String> live;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    /** {@code dir} receives the key store and the CA certificate; {@code live} judges bearer tokens. */
    public StubKubeApiServer(Path dir, Predicate<String> live) {
        this.live = live;
        try {
            Path keyStore = dir.resolve("api-server.p12");
            caFile = dir.resolve("api-server-ca.pem");
            keytool("-genkeypair", "-alias", "api", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-keystore", keyStore.toString(),
                    "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
            keytool("-exportcert", "-rfc", "-alias", "api", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                    "-file", caFile.toString());
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                store.load(in, PASSWORD.toCharArray());
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD.toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keys.getKeyManagers(), null, null);
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stub-kube-api-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Writes a kubeconfig with this server as the cluster and a current context that uses {@code user}. */
    public Path kubeconfig(Path file, String user) {
        return write(file, List.of(
                "contexts:",
                "- name: stub",
                "  context:",
                "    cluster: stub",
                "    user: " + user,
                "current-context: stub"));
    }

    private Path write(Path file, List<String> contexts) {
        List<String> lines = new java.util.ArrayList<>(List.of(
                "apiVersion: v1",
                "kind: Config",
                "clusters:",
                "- name: stub",
                "  cluster:",
                "    server: " + url(),
                "    certificate-authority: " + caFile));
        lines.addAll(contexts);
        lines.addAll(List.of("users: []", ""));
        try {
            Files.writeString(file, String.join("\n", lines));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String bearer = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
            int status;
            String body;
            if (bearer == null || !live.test(bearer)) {
                status = 401;
                body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"Unauthorized\","
                        + "\"reason\":\"Unauthorized\",\"code\":401}";
            } else if (path.equals("/api")) {
                status = 200;
                body = API_VERSIONS;
            } else {
                status = 404;
                body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404}";
            }
            calls.add(new Call(path, bearer, status));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IOException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
