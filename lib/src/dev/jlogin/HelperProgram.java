package dev.jlogin;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A program that hands its work on and ends within a moment (a browser opener, a clipboard tool).
 * Its output is discarded: only its exit status tells whether it worked.
 */
public final class HelperProgram {
    private HelperProgram() {
    }

    /**
     * Runs {@code builder}'s program, {@code input} on its stdin, and waits up to {@code wait}:
     * empty when it exits 0, else why not (a clause for a person). What it means that the program
     * could not be run ({@code cannotRun}) or has not ended in time ({@code late}) is the caller's
     * to say, and so is whether such a program is stopped ({@code stopLate}) or may still finish.
     */
    public static Optional<String> run(String name, ProcessBuilder builder, byte[] input, Duration wait,
                                String cannotRun, String late, boolean stopLate) {
        Process process;
        try {
            process = builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return Optional.of(cannotRun);
        }
        try (OutputStream in = process.getOutputStream()) {
            in.write(input);
        } catch (IOException e) {
            // the program stopped reading: its exit status tells why
        }
        try {
            if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(process, stopLate);
                return Optional.of(late);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(process, stopLate);
            return Optional.of("interrupted while " + name + " ran");
        }
        return process.exitValue() == 0 ? Optional.empty()
                : Optional.of(name + " failed (exit status " + process.exitValue() + ")");
    }

    private static void stop(Process process, boolean stopLate) {
        if (stopLate) {
            process.destroy();
        }
    }
}
