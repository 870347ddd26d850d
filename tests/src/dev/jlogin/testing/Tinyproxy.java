package dev.jlogin.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Debian's tinyproxy on a free loopback port, in the foreground, with its log in {@code dir}:
 * the forward proxy that {@code https_proxy} and {@code http_proxy} point at in the tests.
 */
public final class Tinyproxy implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final int port;

    public Tinyproxy(Path dir) throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path config = Files.writeString(dir.resolve("tinyproxy.conf"), String.join("\n",
                "Port " + port, "Listen 127.0.0.1", "Timeout 30", "LogLevel Info", "MaxClients 20", "Allow 127.0.0.1", ""));
        log = dir.resolve("tinyproxy.log");
        process = new ProcessBuilder("tinyproxy", "-d", "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("tinyproxy exited: " + Files.readString(log));
            }
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return true;
            }
        });
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** What tinyproxy logged so far: one "Request" line per request or CONNECT it handled. */
    public String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
