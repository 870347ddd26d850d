package dev.jlogin.install;

import dev.jlogin.Version;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * The jars a launcher needs: the library's own, wherever JBang or a build put it (the library needs
 * nothing but the JDK). Found through a class it holds, so nothing else on the installer's class
 * path (the install script itself) is copied.
 */
public final class LibraryJars {
    private LibraryJars() {
    }

    public static List<Path> locate() {
        try {
            return List.of(Path.of(Version.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the class path names the library's jar oddly", e);
        }
    }
}
