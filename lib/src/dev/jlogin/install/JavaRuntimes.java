package dev.jlogin.install;

import dev.jlogin.UserHome;
import dev.jlogin.store.FolderTrust;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the Java runtimes on this machine and picks the one a launcher should use: the newest
 * that is at least 17 (what the scripts' {@code //JAVA 17+} allows), because JDK 25's AOT cache
 * starts fastest. Ties go to the runtime running the installer.
 */
public final class JavaRuntimes {
    public static final int MINIMUM = 17;

    private JavaRuntimes() {
    }

    /** Folders that hold JDKs side by side, on Linux, macOS, Windows, and in JBang's and SDKMAN!'s caches. */
    static List<Path> searchFolders(Map<String, String> env) {
        Path userHome = UserHome.of(env);
        List<Path> folders = new ArrayList<>(List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/java"),
                Path.of("/Library/Java/JavaVirtualMachines"), userHome.resolve(".sdkman/candidates/java"),
                Path.of(env.getOrDefault("JBANG_DIR", userHome.resolve(".jbang").toString()), "cache", "jdks")));
        Optional.ofNullable(env.get("ProgramFiles")).ifPresent(p -> {
            folders.add(Path.of(p, "Java"));
            folders.add(Path.of(p, "Eclipse Adoptium"));
        });
        return folders;
    }

    /** Every usable runtime here: the current one, JAVA_HOME, and those in the usual folders. */
    public static List<JavaRuntime> onThisMachine(Map<String, String> env, Path current) {
        List<Path> homes = new ArrayList<>(List.of(current));
        Optional.ofNullable(env.get("JAVA_HOME")).filter(h -> !h.isBlank()).map(Path::of).ifPresent(homes::add);
        return all(homes, searchFolders(env));
    }

    /** The runtimes at {@code homes} (in that order) and in the entries of {@code folders}. */
    static List<JavaRuntime> all(List<Path> homes, List<Path> folders) {
        List<Path> candidates = new ArrayList<>(homes);
        for (Path folder : folders) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                for (Path entry : entries) {
                    candidates.add(entry);
                    candidates.add(entry.resolve("Contents/Home")); // macOS bundles
                }
            } catch (IOException e) {
                // a folder that does not exist here
            }
        }
        List<JavaRuntime> found = new ArrayList<>();
        for (Path candidate : candidates) {
            JavaRuntime.at(candidate).filter(r -> found.stream().noneMatch(f -> f.home().equals(r.home())))
                    .filter(JavaRuntimes::trusted).ifPresent(found::add);
        }
        return found;
    }

    /** A runtime that another user could change would run their code as ours, now and at every call. */
    private static boolean trusted(JavaRuntime runtime) {
        try {
            return FolderTrust.problem(runtime.home()).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** The newest runtime of at least {@link #MINIMUM}; the current one wins a tie, so it is listed first. */
    public static Optional<JavaRuntime> newest(List<JavaRuntime> runtimes) {
        return runtimes.stream().filter(r -> r.feature() >= MINIMUM)
                .max(Comparator.comparingInt(JavaRuntime::feature).thenComparing(r -> -runtimes.indexOf(r)));
    }
}
