package dev.jlogin.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * macOS's {@code security} played by {@code tests/stand-ins/security} (its header says what it
 * reproduces and from where), copied into a folder of the test's own with its Keychain beside it.
 */
public final class SecurityStandIn {
    private final Path program;
    private final Path keychain;

    public SecurityStandIn(Path folder) {
        try {
            Files.createDirectories(folder);
            program = folder.resolve("security");
            Files.copy(JBang.REPO.resolve("tests/stand-ins/security"), program, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
            keychain = folder.resolve("keychain");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stand-in itself, to run by path. */
    public Path program() {
        return program;
    }

    /** The folder to put first on a PATH so that {@code security} is the stand-in. */
    public Path folder() {
        return program.getParent();
    }

    /** The Keychain's items (one file each), by their file names. */
    public List<Path> items() {
        try (Stream<Path> files = Files.list(Files.createDirectories(keychain))) {
            return files.filter(f -> f.getFileName().toString().startsWith("item-")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What every run's command line was, as {@code ps} would have shown it. */
    public String commandLines() {
        try {
            Path log = keychain.resolve("argv.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes every operation fail as a locked Keychain that may not prompt does. */
    public void lock() {
        try {
            Files.writeString(Files.createDirectories(keychain).resolve("locked"), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether any 24 characters of {@code secret} (at every 8th position) occur in {@code text}:
     * a token's or its base64 encoding's pieces must not reach an output or a command line.
     */
    public static boolean leaks(String text, String secret) {
        for (int start = 0; start + 24 <= secret.length(); start += 8) {
            if (text.contains(secret.substring(start, start + 24))) {
                return true;
            }
        }
        return false;
    }
}
