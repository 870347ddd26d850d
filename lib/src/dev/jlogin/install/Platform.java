package dev.jlogin.install;

/** The one fact about the operating system that the installer needs. */
final class Platform {
    static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");

    private Platform() {
    }
}
