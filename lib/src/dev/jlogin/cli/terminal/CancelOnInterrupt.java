package dev.jlogin.cli.terminal;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns Ctrl-C (SIGINT) while a login waits into an interrupt of the waiting thread, so that the
 * command ends through its own error path ("login cancelled", exit 130) instead of the JVM dying
 * mid-sentence.
 */
public final class CancelOnInterrupt implements AutoCloseable {
    private final Signal signal;
    private final SignalHandler previous;

    public CancelOnInterrupt() {
        Thread waiting = Thread.currentThread();
        Signal interrupt;
        SignalHandler before;
        try {
            interrupt = new Signal("INT");
            before = Signal.handle(interrupt, s -> waiting.interrupt());
        } catch (IllegalArgumentException e) {
            // no SIGINT handling here (the JVM runs with -Xrs, or the OS lacks it): the JVM's own rules
            interrupt = null;
            before = null;
        }
        this.signal = interrupt;
        this.previous = before;
    }

    @Override
    public void close() {
        if (signal != null) {
            Signal.handle(signal, previous);
        }
    }
}
