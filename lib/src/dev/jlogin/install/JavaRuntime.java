package dev.jlogin.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A JDK or JRE on this machine: its folder, its {@code java} and its feature version (17, 21, 25…). */
public record JavaRuntime(Path home, String version, int feature) {
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"?([0-9][^\"\\s]*)\"?");

    public Path java() {
        return home.resolve("bin").resolve(Platform.WINDOWS ? "java.exe" : "java");
    }

    /** Reads {@code home/release}, which every JDK since 9 carries; empty when it is not a usable runtime. */
    public static Optional<JavaRuntime> at(Path home) {
        try {
            Path real = home.toRealPath();
            Matcher m = JAVA_VERSION.matcher(Files.readString(real.resolve("release")));
            if (!m.find()) {
                return Optional.empty();
            }
            String version = m.group(1);
            String first = version.split("[.+-]")[0];
            JavaRuntime runtime = new JavaRuntime(real, version, Integer.parseInt(first));
            return Files.isExecutable(runtime.java()) ? Optional.of(runtime) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The start-up cache this runtime can build from one training run: JDK 25's one-step AOT cache
     * (JEP 514), else an AppCDS archive of the classes the run loaded (JDK 13+).
     */
    public StartupCache startupCache() {
        return feature >= 25 ? StartupCache.AOT : StartupCache.CDS;
    }
}
