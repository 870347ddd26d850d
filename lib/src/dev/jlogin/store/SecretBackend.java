package dev.jlogin.store;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where a profile's serialised login is kept: a private file, the desktop keyring, or memory.
 * Locking is not the backend's business: {@link TokenStore} locks with a file whatever the backend,
 * except for one that lives in this process only.
 */
public interface SecretBackend {
    /** Where the secrets go, for messages and diagnosis. */
    String describe();

    /** What keeps others from reading the secrets there, in a few words, for an audit. */
    String protection();

    Optional<String> read(String profile) throws IOException;

    void write(String profile, byte[] content) throws IOException;

    /**
     * Whether the logins live in this process only (memory): then nothing touches the disk for
     * them, neither a lock file nor a cache.
     */
    default boolean inProcess() {
        return false;
    }

    /**
     * The profiles it holds, by name, if it must say so itself: one {@link #inProcess} has no lock
     * files to list them by. Empty means the lock files tell.
     */
    default Optional<List<String>> profiles() {
        return Optional.empty();
    }

    /**
     * Fails if {@link #write} would fail now (a full or read-only disk): checked before a request
     * that spends something (a device code's approval, a refresh token the server may rotate).
     */
    default void checkWritable(String profile) throws IOException {
    }
}
