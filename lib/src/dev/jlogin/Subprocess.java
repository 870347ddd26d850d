package dev.jlogin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs a helper program to its end or to a deadline, the one way jlogin does (keyring tools, git,
 * kubectl, a browser opener, a clipboard tool, the launcher's training run): its input written on
 * its stdin (where secrets go, never on its command line, which every user can read), its outputs
 * drained at once on threads of their own (a full pipe would stall it), and how it ended said in a
 * value. Outputs the builder redirects elsewhere (discarded, inherited) come back empty. Only
 * {@code exec}'s child, which takes over the terminal and the signals, is run apart.
 */
public final class Subprocess {
    /** How a run ended. */
    public sealed interface Outcome permits Ended, NotStarted, Late, Interrupted {
    }

    /** It ended: its exit status and its outputs. */
    public record Ended(int exit, String out, String err) implements Outcome {
    }

    /** It could not be started (not installed, not executable): the system's reason. */
    public record NotStarted(String reason) implements Outcome {
    }

    /** It had not ended by the deadline; stopped, with what it started, if the caller asked. */
    public record Late() implements Outcome {
    }

    /** This thread was interrupted while it waited (the program is stopped, if the caller asked). */
    public record Interrupted() implements Outcome {
    }

    /** Its own threads: the common pool can have a single thread, and two streams must drain at once. */
    private static final ExecutorService DRAINERS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "jlogin-subprocess-output");
        thread.setDaemon(true);
        return thread;
    });

    private Subprocess() {
    }

    /**
     * Runs {@code builder}'s program with {@code input} on its stdin and waits up to {@code wait}.
     * A late program is stopped, with its descendants, when {@code stopLate}; otherwise it is left to
     * finish (a browser opener may still open the browser).
     */
    public static Outcome run(ProcessBuilder builder, byte[] input, Duration wait, boolean stopLate) {
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new NotStarted(String.valueOf(e.getMessage()));
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()), DRAINERS);
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()), DRAINERS);
        try (OutputStream in = process.getOutputStream()) {
            in.write(input);
        } catch (IOException e) {
            // it stopped reading; its exit status tells why
        }
        try {
            if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(process, stopLate);
                return new Late();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(process, stopLate);
            return new Interrupted();
        }
        return new Ended(process.exitValue(), out.join(), err.join());
    }

    /**
     * For a helper whose exit status alone says whether it worked: empty when it exited 0, else why
     * not, in a clause for a person; {@code cannotRun} and {@code late} are the caller's words for
     * a program that could not be started or had not ended in time.
     */
    public static Optional<String> problem(String name, Outcome outcome, String cannotRun, String late) {
        if (outcome instanceof Ended ended) {
            return ended.exit() == 0 ? Optional.empty() : Optional.of(name + " failed (exit status " + ended.exit() + ")");
        }
        if (outcome instanceof NotStarted) {
            return Optional.of(cannotRun);
        }
        return Optional.of(outcome instanceof Late ? late : "interrupted while " + name + " ran");
    }

    private static void stop(Process process, boolean stopLate) {
        if (stopLate) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static String drain(InputStream stream) {
        try (stream) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            stream.transferTo(buffer);
            return buffer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
