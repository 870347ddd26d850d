package dev.jlogin.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The POSIX user this process runs as, looked up once and only when a check needs it. */
final class CurrentUser {
    static final int UID = uid();
    static final int ROOT = 0;

    private CurrentUser() {
    }

    private static int uid() {
        try {
            // on Linux the owner of /proc/self is this process's user: cheaper than loading a native library
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            return (int) new com.sun.security.auth.module.UnixSystem().getUid();
        }
    }
}
