package dev.jlogin.store;

import dev.jlogin.Host;
import dev.jlogin.JLoginException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Consumer;

/** Picks the backend that {@code --store} (or JLOGIN_STORE, or jlogin.store) names. */
public final class Backends {
    public static final Duration DEFAULT_KEYRING_TIMEOUT = Duration.ofSeconds(5);
    /**
     * The Credential Manager has no tool that takes a secret other than on its command line (cmdkey
     * /pass:), which every process can read; the file store there is protected by an owner-only ACL.
     */
    static final String WINDOWS_HAS_NO_KEYRING = "--store keyring is not available on Windows: its Credential Manager"
            + " cannot be given a secret without native code or a command line others can read; use --store file"
            + " (the default: owner-only files under %APPDATA%\\jlogin)";

    private Backends() {
    }

    /**
     * {@code name} is file (the default), keyring or memory; {@code fallback} (JLOGIN_STORE_FALLBACK)
     * may be file, for a keyring that turns out to be unavailable.
     */
    public static SecretBackend select(String name, String fallback, Path home, Duration keyringTimeout,
                                       Consumer<String> warnings) {
        FileBackend file = new FileBackend(home.resolve("profiles"), warnings);
        switch (name) {
            case "file":
                return file;
            case "memory":
                return MemoryBackend.PROCESS;
            case "keyring":
                if (Host.isWindows()) {
                    throw new JLoginException(JLoginException.Kind.CONFIGURATION, WINDOWS_HAS_NO_KEYRING);
                }
                SecretBackend keyring = Host.isMac()
                        ? new KeychainBackend(storeId(home), keyringTimeout)
                        : new SecretServiceBackend(storeId(home), keyringTimeout);
                if (fallback == null || fallback.isBlank()) {
                    return keyring;
                }
                if (!fallback.equals("file")) {
                    throw new JLoginException(JLoginException.Kind.CONFIGURATION, "JLOGIN_STORE_FALLBACK can only be file");
                }
                return new FallbackBackend(keyring, file, warnings);
            default:
                throw new JLoginException(JLoginException.Kind.CONFIGURATION, "--store must be file, keyring or memory");
        }
    }

    /** Tells apart jlogin homes that share one keyring (a user's, a test's). */
    static String storeId(Path home) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(home.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
