package dev.jlogin.store;

import dev.jlogin.Host;
import dev.jlogin.JLoginException;
import dev.jlogin.json.MalformedJsonException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Logins on disk: {@code HOME/profiles/NAME.json}, owner-only, replaced atomically, with
 * {@code NAME.lock} beside it for {@link #lock} (in memory, a lock of this process's). Readers need
 * no lock (a rename is atomic); whoever reads, refreshes and writes must hold it, and must read
 * again once it has it.
 */
public final class TokenStore {
    /**
     * Longer than the one token request a lock holder makes (HttpTransport's 30 s; discovery is done
     * before locking). Not derived from it: token's hot path never loads the HTTP transport.
     */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(45);
    private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Path home;
    private final Path profiles;
    private final Duration lockTimeout;
    private final SecretBackend backend;

    /** Locks live in {@code home/profiles} whatever the backend keeps the secrets in. */
    public TokenStore(Path home, Duration lockTimeout, SecretBackend backend) {
        this.home = home;
        this.profiles = home.resolve("profiles");
        this.lockTimeout = lockTimeout;
        this.backend = backend;
    }

    /** The file store under {@code home}, reporting repairs on stderr. */
    public TokenStore(Path home, Duration lockTimeout) {
        this(home, lockTimeout, new FileBackend(home.resolve("profiles"), System.err::println));
    }

    /** The lifecycle log beside the logins; none for logins kept in memory, which leave nothing on disk. */
    public LifecycleLog log(Clock clock, Consumer<String> warnings) {
        return backend.inProcess() ? LifecycleLog.none(home, clock) : new LifecycleLog(home, clock, warnings);
    }

    /** Profile names become file names: letters, digits, '.', '_' and '-' only. */
    public static String checkProfileName(String profile) {
        if (!PROFILE_NAME.matcher(profile).matches()) {
            throw new JLoginException(JLoginException.Kind.CONFIGURATION,
                    "invalid profile name (use letters, digits, '.', '_' or '-', at most 64)");
        }
        return profile;
    }

    public SecretBackend backend() {
        return backend;
    }


    /** The profile's login, if it holds tokens. */
    public Optional<StoredLogin> read(String profile) {
        return entry(profile).flatMap(StoredLogin.Parsed::login);
    }

    /** The settings the profile was logged in with, whether or not it still holds tokens. */
    public Optional<SavedSettings> settings(String profile) {
        return entry(profile).map(StoredLogin.Parsed::settings);
    }

    /** Both in one read: the profile's settings, and its login when it holds tokens. */
    public Optional<StoredLogin.Parsed> entry(String profile) {
        Optional<String> text;
        try {
            text = backend.read(checkProfileName(profile));
        } catch (IOException e) {
            throw failure("read", profile, e);
        }
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(StoredLogin.parse(text.get()));
        } catch (MalformedJsonException | JLoginException | IllegalArgumentException e) {
            throw new JLoginException(JLoginException.Kind.STORE, "the stored login of profile '" + profile + "' ("
                    + backend.describe() + ") is damaged (" + e.getMessage() + "); remove it and log in again", e);
        }
    }

    /** Replaces the profile's login; the caller holds the profile's {@link #lock}. */
    public void write(String profile, StoredLogin login) {
        put(profile, login.toBytes());
    }

    private void put(String profile, byte[] content) {
        try {
            backend.write(checkProfileName(profile), content);
        } catch (IOException e) {
            throw failure("write", profile, e);
        }
    }

    /**
     * Fails (exit 7) if the profile's login could not be written now. The caller holds the lock
     * and calls this before a request that spends something, so that a full or read-only disk is
     * found while nothing is lost yet.
     */
    public void checkWritable(String profile) {
        try {
            backend.checkWritable(checkProfileName(profile));
        } catch (IOException e) {
            throw new JLoginException(JLoginException.Kind.STORE, "cannot write the login of profile '" + profile + "' ("
                    + backend.describe() + "): " + e.getMessage() + "; nothing was sent to the server", e);
        }
    }

    /**
     * Keeps a login that the store could not take in a recovery file, and says where, or says
     * plainly that it is lost: one line for the caller's error message, after {@code what}.
     */
    public String recoveryNote(String profile, StoredLogin login, String what) {
        return keepForRecovery(profile, login)
                .map(file -> what + ": the new login is kept in " + file + "; move it to " + loginFile(profile)
                        + " (file store) once there is space, or log in again")
                .orElse(what + " and the new login could not be kept anywhere: a new login will be needed");
    }

    /**
     * Keeps a login that the store could not take (tokens the server will not issue again) in an
     * owner-only file in the temp directory, which is often another file system. Returns the
     * file, or empty if it could not be written either.
     */
    private Optional<Path> keepForRecovery(String profile, StoredLogin login) {
        Path file = Host.tempDir().resolve("jlogin-" + checkProfileName(profile) + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".json");
        try {
            SecureFiles.writeNew(file, login.toBytes());
            return Optional.of(file);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Where a login file kept by {@link #keepForRecovery} goes back to, with the file store. */
    private Path loginFile(String profile) {
        return profiles.resolve(checkProfileName(profile) + ".json");
    }

    /**
     * Keeps the settings of a login being attempted for a profile that holds no tokens, so that a
     * retry after an expired or denied code needs no flags again; a profile that holds a login
     * keeps it untouched until a new one succeeds. The caller holds the profile's {@link #lock}.
     */
    public void rememberSettings(String profile, SavedSettings settings) {
        if (entry(profile).flatMap(StoredLogin.Parsed::login).isEmpty()) {
            put(profile, settings.toBytes());
        }
    }

    /**
     * Logs the profile out: its tokens go, its settings stay, so that logging in again needs no
     * flags. The caller holds the profile's {@link #lock}. True if there were tokens.
     */
    public boolean deleteTokens(String profile) {
        Optional<StoredLogin.Parsed> parsed = entry(profile);
        if (parsed.isEmpty()) {
            return false;
        }
        put(profile, parsed.get().settings().toBytes());
        return parsed.get().login().isPresent();
    }

    private JLoginException failure(String what, String profile, IOException e) {
        return new JLoginException(JLoginException.Kind.STORE, "cannot " + what + " the login of profile '" + profile
                + "' (" + backend.describe() + "): " + e.getMessage(), e);
    }

    /**
     * The profiles that hold settings, by name. Every write takes the profile's lock, so the lock
     * files name every profile whatever the backend; a lock without a stored entry is left out.
     */
    public List<String> profiles() {
        Optional<List<String>> held = backend.profiles();
        if (held.isPresent()) {
            return held.get().stream().filter(this::holds).toList();
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> locks = Files.newDirectoryStream(profiles, "*.lock")) {
            for (Path lock : locks) {
                String name = lock.getFileName().toString().replaceFirst("\\.lock$", "");
                if (PROFILE_NAME.matcher(name).matches() && holds(name)) {
                    names.add(name);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new JLoginException(JLoginException.Kind.STORE, "cannot list " + profiles + ": " + e.getMessage(), e);
        }
        Collections.sort(names);
        return names;
    }

    /** Whether profile {@code name} has settings here; a damaged entry counts, so it is listed and its problem shown. */
    private boolean holds(String name) {
        try {
            return settings(name).isPresent();
        } catch (JLoginException e) {
            return e.kind() == JLoginException.Kind.STORE;
        }
    }

    /**
     * Whether the profile's lock is held, without taking it, creating anything or waiting; for
     * diagnosis. In memory there is nothing to look at outside this process: FREE.
     */
    public ProfileLock.State lockState(String profile) throws IOException {
        Path lockFile = profiles.resolve(checkProfileName(profile) + ".lock");
        return backend.inProcess() ? ProfileLock.State.FREE : ProfileLock.probe(lockFile);
    }

    public ProfileLock lock(String profile) {
        Path lockFile = profiles.resolve(checkProfileName(profile) + ".lock");
        if (backend.inProcess()) {
            return ProfileLock.inProcess(lockFile, lockTimeout, profile);
        }
        try {
            SecureFiles.createOwnDirectories(profiles.getParent(), profiles);
        } catch (IOException e) {
            throw new JLoginException(JLoginException.Kind.STORE, "cannot lock profile '" + profile + "': " + e.getMessage(), e);
        }
        return ProfileLock.acquire(lockFile, lockTimeout, profile);
    }
}
