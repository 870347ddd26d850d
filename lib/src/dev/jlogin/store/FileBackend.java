package dev.jlogin.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One owner-only file per profile, {@code profiles/NAME.json}, replaced atomically; permissions
 * are checked on every read.
 */
public final class FileBackend implements SecretBackend {
    private final Path profiles;
    private final Consumer<String> warnings;

    /** {@code warnings} hears about problems that were repaired, such as loose permissions. */
    public FileBackend(Path profiles, Consumer<String> warnings) {
        this.profiles = profiles;
        this.warnings = warnings;
    }

    private Path file(String profile) {
        return profiles.resolve(profile + ".json");
    }

    @Override
    public String describe() {
        return "file " + profiles;
    }

    @Override
    public Optional<String> read(String profile) throws IOException {
        Path file = file(profile);
        try {
            SecureFiles.ensurePrivate(profiles, SecureFiles.Kind.DIRECTORY, warnings);
            SecureFiles.ensurePrivate(file, SecureFiles.Kind.FILE, warnings);
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public void write(String profile, byte[] content) throws IOException {
        Path file = file(profile);
        SecureFiles.createPrivateDirectories(profiles);
        removeLeftovers(file);
        SecureFiles.writeAtomically(file, content);
    }

    /**
     * Temp files of writers that were killed before their rename: they hold tokens, so they go.
     * Writers hold the profile lock, so any temp file found by the current writer is a leftover.
     */
    private static void removeLeftovers(Path file) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(file.getParent(), "." + file.getFileName() + ".*.tmp")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    @Override
    public boolean delete(String profile) throws IOException {
        boolean deleted = Files.deleteIfExists(file(profile));
        if (deleted) {
            SecureFiles.syncDirectory(profiles);
        }
        return deleted;
    }
}
