package dev.jlogin.store;

import dev.jlogin.JLoginException;
import dev.jlogin.json.MalformedJsonException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Logins on disk: {@code HOME/profiles/NAME.json}, owner-only, replaced atomically, with
 * {@code NAME.lock} beside it for {@link #lock}. Readers need no lock (a rename is atomic);
 * whoever reads, refreshes and writes must hold it, and must read again once it has it.
 */
public final class TokenStore {
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Path profiles;
    private final Duration lockTimeout;
    private final Consumer<String> warnings;

    /** {@code warnings} hears about problems that were repaired, such as loose permissions. */
    public TokenStore(Path home, Duration lockTimeout, Consumer<String> warnings) {
        this.profiles = home.resolve("profiles");
        this.lockTimeout = lockTimeout;
        this.warnings = warnings;
    }

    /** A store that reports repairs on stderr. */
    public TokenStore(Path home, Duration lockTimeout) {
        this(home, lockTimeout, System.err::println);
    }

    /** Profile names become file names: letters, digits, '.', '_' and '-' only. */
    public static String checkProfileName(String profile) {
        if (!PROFILE_NAME.matcher(profile).matches()) {
            throw new JLoginException(JLoginException.Kind.CONFIGURATION,
                    "invalid profile name (use letters, digits, '.', '_' or '-', at most 64)");
        }
        return profile;
    }

    public Path file(String profile) {
        return profiles.resolve(checkProfileName(profile) + ".json");
    }

    public Optional<StoredLogin> read(String profile) {
        Path file = file(profile);
        String text;
        try {
            SecureFiles.ensurePrivate(profiles, "rwx------", warnings);
            SecureFiles.ensurePrivate(file, "rw-------", warnings);
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new JLoginException(JLoginException.Kind.STORE, "cannot read " + file + ": " + e.getMessage());
        }
        try {
            return Optional.of(StoredLogin.parse(text));
        } catch (MalformedJsonException | JLoginException | IllegalArgumentException e) {
            throw new JLoginException(JLoginException.Kind.STORE, "token store " + file + " is damaged (" + e.getMessage()
                    + "); remove it and log in again");
        }
    }

    /** Replaces the profile's file; the caller holds the profile's {@link #lock}. */
    public void write(String profile, StoredLogin login) {
        Path file = file(profile);
        try {
            SecureFiles.createPrivateDirectories(profiles);
            removeLeftovers(file);
            SecureFiles.writeAtomically(file, login.toBytes());
        } catch (IOException e) {
            throw new JLoginException(JLoginException.Kind.STORE, "cannot write " + file + ": " + e.getMessage());
        }
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

    /** Deletes the profile's tokens; true if there were any. The lock file stays. */
    public boolean delete(String profile) {
        Path file = file(profile);
        try {
            boolean deleted = Files.deleteIfExists(file);
            if (deleted) {
                SecureFiles.syncDirectory(profiles);
            }
            return deleted;
        } catch (IOException e) {
            throw new JLoginException(JLoginException.Kind.STORE, "cannot delete " + file + ": " + e.getMessage());
        }
    }

    public ProfileLock lock(String profile) {
        Path lockFile = profiles.resolve(checkProfileName(profile) + ".lock");
        try {
            SecureFiles.createPrivateDirectories(profiles);
        } catch (IOException e) {
            throw new JLoginException(JLoginException.Kind.STORE, "cannot create " + profiles + ": " + e.getMessage());
        }
        return ProfileLock.acquire(lockFile, lockTimeout, profile);
    }
}
