package dev.jlogin.device;

import java.time.Duration;

/**
 * The one place the device flow waits. Injected so that tests of 5-second intervals run
 * instantly with a fake clock, and the real waits stay in one line of code.
 */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
