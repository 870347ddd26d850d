package dev.jlogin.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Passes TERM, INT and HUP that reach this JVM on to a child, so that {@code kill} aimed at exec
 * reaches the command it runs, as with a shell's {@code exec}; the JVM itself then waits for the
 * child instead of dying. The JDK can only send TERM (and KILL) itself, so the shell's
 * {@code kill} sends them. Where the OS lacks a signal (HUP on Windows) it is not handled.
 */
final class SignalForwarder implements AutoCloseable {
    private static final List<String> FORWARDED = List.of("TERM", "INT", "HUP");

    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

    SignalForwarder(ProcessHandle child) {
        for (String name : FORWARDED) {
            try {
                Signal signal = new Signal(name);
                previous.put(signal, Signal.handle(signal, s -> forward(child, name)));
            } catch (IllegalArgumentException e) {
                // this OS has no such signal
            }
        }
    }

    private static void forward(ProcessHandle child, String name) {
        if (!child.isAlive()) {
            return;
        }
        try {
            new ProcessBuilder("/bin/sh", "-c", "kill -s \"$1\" \"$2\"", "sh", name, Long.toString(child.pid()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start().waitFor();
        } catch (IOException e) {
            child.destroy(); // no shell to send it: TERM at least ends the child
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Restores the JVM's own handling. */
    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
