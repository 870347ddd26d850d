package dev.jlogin.store;

import dev.jlogin.JLoginException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a profile, across processes (an OS file lock on a separate lock file)
 * and across threads of this process (OS locks are per process). The lock file is never
 * deleted: deleting it would let two processes lock two different files of the same name.
 * Waiting is bounded, so a stuck holder gives a clear error instead of a hang.
 */
public final class ProfileLock implements AutoCloseable {
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final long MAX_RETRY_MILLIS = 50;

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private ProfileLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    static ProfileLock acquire(Path lockFile, Duration timeout, String profile) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ReentrantLock threadLock = lockThreads(lockFile, timeout, profile);
        FileChannel channel = null;
        try {
            refuseOtherKinds(lockFile);
            // a link planted in its place would have us create or lock a file elsewhere
            channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS), SecureFiles.creationAttributes(lockFile));
            long pause = 5;
            for (FileLock lock = channel.tryLock(); ; lock = channel.tryLock()) {
                if (lock != null) {
                    return new ProfileLock(threadLock, channel, lock);
                }
                if (System.nanoTime() > deadline) {
                    throw timedOut(profile, timeout, lockFile);
                }
                // the JDK has no timed blocking file lock; short pauses keep waiters responsive
                Thread.sleep(pause);
                pause = Math.min(pause * 2, MAX_RETRY_MILLIS);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            closeQuietly(channel);
            threadLock.unlock();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw interrupted(profile);
            }
            if (e instanceof IOException) {
                throw new JLoginException(JLoginException.Kind.STORE, "cannot lock profile '" + profile + "': " + e.getMessage(), e);
            }
            throw (RuntimeException) e;
        }
    }

    /** What a look at a profile's lock finds. */
    public enum State {
        /** No lock file: no process has locked the profile yet. */
        ABSENT,
        FREE,
        HELD
    }

    /**
     * Whether some process holds the lock, found without creating the file and without waiting:
     * for diagnosis. Anything but a lock held elsewhere (a directory in its place, a link) is an
     * IOException that says what it is.
     */
    static State probe(Path lockFile) throws IOException {
        if (!Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS)) {
            return State.ABSENT;
        }
        refuseOtherKinds(lockFile);
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return State.HELD;
            }
            lock.release();
            return State.FREE;
        } catch (OverlappingFileLockException e) {
            return State.HELD; // by this process
        }
    }

    /**
     * Only a regular file is opened: opening a FIFO for writing blocks until someone reads it, with
     * no timeout, and a device is not ours. Only the owner can put anything in the owner-only
     * folder, so what is found here stays what it was when looked at.
     */
    private static void refuseOtherKinds(Path lockFile) throws IOException {
        try {
            if (!Files.readAttributes(lockFile, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isRegularFile()) {
                throw new IOException(lockFile + " is not a regular file (a FIFO, device, folder or link); jlogin does not"
                        + " open it: remove it and try again");
            }
        } catch (NoSuchFileException e) {
            // created as a regular file when opened
        }
    }

    /**
     * The lock among this process's threads alone, for logins that live in this process only
     * ({@code --store memory}): {@code lockFile} only names it, and is not created.
     */
    static ProfileLock inProcess(Path lockFile, Duration timeout, String profile) {
        return new ProfileLock(lockThreads(lockFile, timeout, profile), null, null);
    }

    private static ReentrantLock lockThreads(Path lockFile, Duration timeout, String profile) {
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(lockFile.toAbsolutePath().normalize(), p -> new ReentrantLock());
        if (threadLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("profile lock is not reentrant");
        }
        try {
            if (!threadLock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw timedOut(profile, timeout, lockFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(profile);
        }
        return threadLock;
    }

    private static JLoginException interrupted(String profile) {
        return new JLoginException(JLoginException.Kind.STORE, "interrupted while waiting for the lock on profile '" + profile + "'");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing releases any OS lock; nothing else to do
            }
        }
    }

    private static JLoginException timedOut(String profile, Duration timeout, Path lockFile) {
        return new JLoginException(JLoginException.Kind.STORE, "timed out after " + timeout.toSeconds()
                + " s waiting for the lock on profile '" + profile + "' (" + lockFile.getFileName()
                + "); another jlogin process holds it");
    }

    @Override
    public void close() {
        try {
            if (channel != null) {
                fileLock.release();
                channel.close();
            }
        } catch (IOException e) {
            // closing the channel releases the OS lock in any case
        } finally {
            threadLock.unlock();
        }
    }
}
