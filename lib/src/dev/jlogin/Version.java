package dev.jlogin;

/** The release this library belongs to; pom.xml carries the same number (a test keeps them in step). */
public final class Version {
    public static final String VERSION = "0.2.0";

    private Version() {
    }
}
