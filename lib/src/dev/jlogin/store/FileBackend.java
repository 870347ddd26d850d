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
 * One owner-only file per profile, {@code profiles/NAME.json}, replaced atomically; permissions,
 * owner and kind (a regular file, of a login's size) are checked on every read.
 */
public final class FileBackend implements SecretBackend {
    /** A login is a few KiB (a big ID token included); a bigger file is not one and is not read. */
    static final int MAX_BYTES = 1024 * 1024;
    /** More than a typical login file, so that a probe that fits means the login fits. */
    private static final int PROBE_BYTES = 16 * 1024;

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
    public String protection() {
        return "owner-only files (mode 600; on Windows an ACL for the owner alone) in an owner-only folder";
    }

    @Override
    public Optional<String> read(String profile) throws IOException {
        Path file = file(profile);
        try {
            SecureFiles.ensurePrivate(profiles.getParent(), SecureFiles.Kind.DIRECTORY, warnings);
            SecureFiles.ensurePrivate(profiles, SecureFiles.Kind.DIRECTORY, warnings);
            Optional<SecureFiles.Status> status = SecureFiles.ensurePrivate(file, SecureFiles.Kind.FILE, warnings);
            if (status.isEmpty()) {
                return Optional.empty();
            }
            if (status.get().size() > MAX_BYTES) {
                throw new IOException(file + " is larger than " + MAX_BYTES + " bytes, too big for a login");
            }
            return Optional.of(new String(SecureFiles.read(file, MAX_BYTES), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public void write(String profile, byte[] content) throws IOException {
        Path file = file(profile);
        SecureFiles.createOwnDirectories(profiles.getParent(), profiles);
        removeLeftovers(file);
        SecureFiles.writeAtomically(file, content);
    }

    /** A temp file of a login's size is created, written and flushed beside the login file, then removed. */
    @Override
    public void checkWritable(String profile) throws IOException {
        SecureFiles.createOwnDirectories(profiles.getParent(), profiles);
        SecureFiles.probeWritable(file(profile), PROBE_BYTES);
    }

    /**
     * Temp files of writers that were killed before their rename: they hold tokens, so they go.
     * Writers hold the profile lock, so any temp file found by the current writer is a leftover.
     */
    private static void removeLeftovers(Path file) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(file.getParent(),
                candidate -> SecureFiles.isTempFileOf(file, candidate.getFileName().toString()))) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }
}
