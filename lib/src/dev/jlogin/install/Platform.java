package dev.jlogin.install;

import dev.jlogin.Host;
import java.nio.file.Path;
import java.util.List;

/** What the installer needs to know about the operating system. */
final class Platform {
    static final boolean WINDOWS = Host.isWindows();

    private Platform() {
    }

    /** {@code paths} as one {@code -cp} argument, joined the way this system's java expects. */
    static String classPath(List<Path> paths) {
        return String.join(WINDOWS ? ";" : ":", paths.stream().map(Path::toString).toList());
    }
}
