package dev.jlogin.install;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.jr.ob.JSON;
import dev.jlogin.Version;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * The jars a launcher needs: the library's own (wherever JBang or a build put it) and jackson-jr's
 * two. Found through the classes they hold, so nothing else on the installer's class path (the
 * install script itself) is copied.
 */
public final class LibraryJars {
    private LibraryJars() {
    }

    public static List<Path> locate() {
        return List.of(of(Version.class), of(JSON.class), of(JsonFactory.class));
    }

    private static Path of(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the class path names " + type.getName() + "'s jar oddly", e);
        }
    }
}
