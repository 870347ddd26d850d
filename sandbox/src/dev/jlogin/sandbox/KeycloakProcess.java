package dev.jlogin.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A Keycloak server as a local process on loopback, with the sandbox realm imported into an
 * in-memory database (a fresh realm at every start). Ready when the realm's discovery document
 * answers; {@link #close()} stops it and its child processes.
 */
public final class KeycloakProcess implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    private final Process process;
    private final int port;
    private final Path log;

    private KeycloakProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts Keycloak from the distribution at {@code home} on {@code port} of 127.0.0.1 (0: a free
     * one), with its log and temporary files in {@code workDir}. Its management interface (health)
     * takes a free port: nothing outside refers to it.
     * Starts are serialised through a lock file beside the distribution: Keycloak rebuilds itself
     * on its first start, and two rebuilds at once would trample each other.
     */
    public static KeycloakProcess start(Path home, Path workDir, int port, Consumer<String> progress) {
        try {
            Files.createDirectories(workDir);
            Path importDir = home.resolve("data/import");
            Files.createDirectories(importDir);
            Path realm = importDir.resolve(SandboxRealm.NAME + "-realm.json");
            if (!Files.exists(realm) || !Files.readString(realm).equals(SandboxRealm.JSON)) {
                Path temp = Files.createTempFile(importDir, ".realm-", ".tmp");
                Files.writeString(temp, SandboxRealm.JSON);
                Files.move(temp, realm, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            try (FileChannel lockChannel = FileChannel.open(home.resolveSibling(home.getFileName() + ".start.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = lockChannel.lock()) {
                int http = port == 0 ? freePort() : port;
                int management = freePort();
                Path log = workDir.resolve("keycloak.log");
                ProcessBuilder builder = new ProcessBuilder(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                        "--db=dev-mem", "--health-enabled=true", "--import-realm", "--http-host=127.0.0.1", "--http-management-host=127.0.0.1",
                        "--http-port=" + http, "--http-management-port=" + management))
                        .redirectErrorStream(true).redirectOutput(log.toFile());
                Map<String, String> env = builder.environment();
                // a throwaway admin for a throwaway, loopback-only server
                env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
                env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
                // C1 only: a third faster start for a server that lives minutes. Keycloak's own temporary
                // files (vertx-cache, uploads) go into the work folder, so they leave with it.
                env.put("JAVA_OPTS_APPEND", env.getOrDefault("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1")
                        + " -Djava.io.tmpdir=" + Files.createDirectories(workDir.resolve("tmp")));
                progress.accept("starting Keycloak " + KeycloakDistribution.VERSION + " on http://127.0.0.1:" + http
                        + " (log: " + log + ")");
                KeycloakProcess server = new KeycloakProcess(builder.start(), http, log);
                try {
                    server.awaitReady();
                } catch (RuntimeException e) {
                    server.close();
                    throw e;
                }
                return server;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Keycloak: " + e.getMessage(), e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String issuer() {
        return baseUrl() + "/realms/" + SandboxRealm.NAME;
    }

    public Path log() {
        return log;
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + " before it was ready:\n" + tail());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak");
            }
        }
        throw new IllegalStateException("Keycloak was not ready after " + READY_TIMEOUT.toMinutes() + " minutes:\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Whether nothing listens on {@code port} of 127.0.0.1 (nor on every address), so Keycloak can take it. */
    public static boolean isFree(int port) {
        try {
            new ServerSocket(port, 1, InetAddress.getLoopbackAddress()).close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops Keycloak (SIGTERM, then SIGKILL after 30 s), children first: kc.sh does not always exec java. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            for (ProcessHandle child : children) {
                child.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            // fall through to the forcible stop
        }
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
