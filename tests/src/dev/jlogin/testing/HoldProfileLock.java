package dev.jlogin.testing;

import dev.jlogin.store.ProfileLock;
import dev.jlogin.store.TokenStore;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Run as a child JVM: holds the lock of profile "default" in the store at {@code args[0]},
 * prints "locked", and keeps it until its stdin closes. A stand-in for another jlogin process.
 */
public final class HoldProfileLock {
    private HoldProfileLock() {
    }

    public static Process start(Path home) throws java.io.IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HoldProfileLock.class.getName(), home.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    public static void main(String[] args) throws Exception {
        try (ProfileLock lock = new TokenStore(Path.of(args[0]), Duration.ofSeconds(5)).lock("default")) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for EOF
            }
        }
    }
}
