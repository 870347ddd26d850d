package dev.jlogin.install;

import dev.jlogin.Host;

/** The one fact about the operating system that the installer needs. */
final class Platform {
    static final boolean WINDOWS = Host.isWindows();

    private Platform() {
    }
}
