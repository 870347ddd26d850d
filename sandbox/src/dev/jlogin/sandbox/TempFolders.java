package dev.jlogin.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;

/** Temporary folders for a run (Keycloak's log, a throwaway login), and their removal afterwards. */
public final class TempFolders {
    private TempFolders() {
    }

    /** A new, private folder under {@code TMPDIR} when set (as mktemp(1) does), else under {@code java.io.tmpdir}. */
    public static Path create(Map<String, String> env, String prefix) throws IOException {
        String tmpdir = env.get("TMPDIR");
        return tmpdir == null || tmpdir.isEmpty() ? Files.createTempDirectory(prefix)
                : Files.createTempDirectory(Path.of(tmpdir), prefix);
    }

    /** Removes {@code dir} and everything in it; a folder that is not there is fine. */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
