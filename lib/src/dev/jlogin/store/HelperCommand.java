package dev.jlogin.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs a keyring helper tool ({@code secret-tool}, {@code security}). Secrets travel on its
 * stdin, never on its command line (which every user can read in the process list), and every
 * call has a timeout: a keyring that wants to show an unlock prompt must not hang a script.
 */
final class HelperCommand {
    record Result(int exit, String out, String err) {
    }

    /** Its own threads: the common pool can have a single thread, and two streams must drain at once. */
    private static final ExecutorService DRAINERS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "keyring-helper-output");
        thread.setDaemon(true);
        return thread;
    });

    private HelperCommand() {
    }

    static Result run(List<String> command, byte[] stdin, Duration timeout) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            String tool = java.nio.file.Path.of(command.get(0)).getFileName().toString();
            throw new KeyringUnavailableException(command.get(0) + " is not installed"
                    + (tool.equals("secret-tool") ? " (on Debian and Ubuntu it is in the package libsecret-tools)" : ""));
        }
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()), DRAINERS);
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()), DRAINERS);
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        } catch (IOException e) {
            // the tool exited without reading its input; its exit code tells why
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new KeyringUnavailableException(command.get(0) + " did not answer within " + timeout.toSeconds()
                        + " s (a locked keyring waiting for an unlock prompt?)");
            }
            return new Result(process.exitValue(), text(out), text(err));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while waiting for " + command.get(0));
        }
    }

    private static String text(CompletableFuture<byte[]> bytes) {
        return new String(bytes.join(), StandardCharsets.UTF_8);
    }

    private static byte[] readAll(InputStream stream) {
        try (stream) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            stream.transferTo(buffer);
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
