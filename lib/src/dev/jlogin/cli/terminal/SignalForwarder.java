package dev.jlogin.cli.terminal;

import dev.jlogin.Subprocess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Passes TERM, INT and HUP that reach this JVM on to a child, so that {@code kill} aimed at exec
 * reaches the command it runs, as if the shell had started it directly; the JVM itself then waits
 * for the child instead of dying. It is set up before the child starts: a signal that arrives in
 * between is delivered as soon as the child exists. The JDK can send only TERM and KILL, so the
 * shell's {@code kill} sends them. Where the OS lacks a signal (HUP on Windows) it is not handled.
 */
public final class SignalForwarder implements AutoCloseable {
    private static final List<String> FORWARDED = List.of("TERM", "INT", "HUP");
    /** kill(1) ends at once; a shell that cannot start within this is not waited for. */
    private static final java.time.Duration KILL_WAIT = java.time.Duration.ofSeconds(5);

    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private final List<String> pending = new ArrayList<>();
    private ProcessHandle child;

    public SignalForwarder() {
        for (String name : FORWARDED) {
            try {
                Signal signal = new Signal(name);
                previous.put(signal, Signal.handle(signal, s -> received(name)));
            } catch (IllegalArgumentException e) {
                // this OS has no such signal
            }
        }
    }

    /** From now on signals go to {@code started}, starting with those that came while it started. */
    public void forwardTo(ProcessHandle started) {
        List<String> early;
        synchronized (this) {
            child = started;
            early = List.copyOf(pending);
            pending.clear();
        }
        early.forEach(name -> send(started, name));
    }

    private void received(String name) {
        ProcessHandle target;
        synchronized (this) {
            if (child == null) {
                pending.add(name);
                return;
            }
            target = child;
        }
        send(target, name);
    }

    private static void send(ProcessHandle child, String name) {
        if (!child.isAlive()) {
            return;
        }
        Subprocess.Outcome sent = Subprocess.run(new ProcessBuilder("/bin/sh", "-c", "kill -s \"$1\" \"$2\"", "sh", name,
                        Long.toString(child.pid())).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT), new byte[0], KILL_WAIT, true);
        if (sent instanceof Subprocess.NotStarted) {
            child.destroy(); // no shell to send it with: TERM at least ends the child
        }
    }

    /** Restores the JVM's own handling. */
    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
