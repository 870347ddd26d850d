package dev.jlogin.install;

import dev.jlogin.Version;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * The jars a launcher needs: the library's own, wherever JBang or a build put it, then the QR code
 * library's (the library's one dependency). Each is found through a class it holds, so nothing else
 * on the installer's class path (the install script itself) is copied. The library's jar comes
 * first: the launcher's start-up path finds its classes there without opening the second jar.
 */
public final class LibraryJars {
    private LibraryJars() {
    }

    public static List<Path> locate() {
        return List.of(jarOf(Version.class), jarOf(io.nayuki.qrcodegen.QrCode.class));
    }

    private static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the class path names the jar of " + type.getName() + " oddly", e);
        }
    }
}
