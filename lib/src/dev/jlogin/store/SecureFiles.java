package dev.jlogin.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Owner-only files written atomically, and the rules for trusting what is found on disk: a plain
 * file or directory (never a symbolic link), owned by the current user, not accessible to others.
 * How a file or folder is made private and checked depends on the file system it is on
 * ({@link Protection}): POSIX permissions, or an owner-only ACL where there are none (Windows).
 */
public final class SecureFiles {
    static final int DIRECTORY_TYPE = 0040000;
    static final int REGULAR_TYPE = 0100000;
    static final int SYMLINK_TYPE = 0120000;
    private static final String TEMP_SUFFIX = ".tmp";

    /** What a path must be. */
    public enum Kind {
        DIRECTORY("a directory"), FILE("a regular file");

        private final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    /**
     * One look at a path: its kind (a POSIX file type) and size; who owns it, when that is not this
     * user; what lets other users in, if anything; and whether jlogin may take that access away
     * (else the path is refused).
     */
    record Status(int type, long size, Optional<String> otherOwner, Optional<String> othersAccess, boolean repairable) {
        boolean is(Kind kind) {
            return type == (kind == Kind.DIRECTORY ? DIRECTORY_TYPE : REGULAR_TYPE);
        }
    }

    private SecureFiles() {
    }

    /** The status of {@code path} itself (a link is not followed), or empty if there is nothing there. */
    static Optional<Status> status(Path path) throws IOException {
        try {
            return Optional.of(Protection.of(path).status(path));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * Why {@code path} must not be used as the store's or cache's {@code kind}: a symbolic link,
     * another kind of file (a FIFO, a device, a directory for a file), another user's, or open to
     * others where that may not be repaired (a folder with an ACL). Loose permissions that may be
     * repaired are not reported here: callers repair or reject them as they see fit.
     */
    static Optional<String> foreign(Path path, Status status, Kind kind) {
        if (status.type() == SYMLINK_TYPE) {
            return Optional.of(path + " is a symbolic link; jlogin accepts only plain files and directories");
        }
        if (!status.is(kind)) {
            return Optional.of(path + " is not " + kind.description);
        }
        if (status.otherOwner().isPresent()) {
            return Optional.of(path + " belongs to " + status.otherOwner().get());
        }
        if (status.othersAccess().isPresent() && !status.repairable()) {
            return Optional.of(path + " is open to other users (" + status.othersAccess().get() + "): they could get at"
                    + " what jlogin keeps there, and jlogin changes no folder's permissions; take their access away,"
                    + " or choose another JLOGIN_HOME");
        }
        return Optional.empty();
    }

    /**
     * What is wrong with {@code path} for a strict reader (the metadata cache, doctor): everything
     * {@link #foreign} finds, and permissions that let other users in. Empty if it is fine or absent.
     */
    public static Optional<String> problem(Path path, Kind kind) throws IOException {
        Optional<Status> status = status(path);
        if (status.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> foreign = foreign(path, status.get(), kind);
        if (foreign.isPresent() || status.get().othersAccess().isEmpty()) {
            return foreign;
        }
        return Optional.of(path + " is accessible to other users (" + status.get().othersAccess().get() + ")");
    }

    /**
     * Creates {@code dir} (owner-only) under {@code home} as needed, refusing to use or create
     * anything in a folder that another user owns, that is a symbolic link, or whose ACL lets others
     * in: such a folder could be read or rearranged by someone else whatever the file permissions say.
     */
    static void createOwnDirectories(Path home, Path dir) throws IOException {
        refuseForeignFolders(home, dir);
        Protection.of(dir).createDirectories(dir);
        refuseForeignFolders(home, dir);
    }

    private static void refuseForeignFolders(Path home, Path dir) throws IOException {
        for (Path folder = dir; folder != null; folder = folder.equals(home) ? null : folder.getParent()) {
            Optional<Status> status = status(folder);
            if (status.isPresent()) {
                Optional<String> foreign = foreign(folder, status.get(), Kind.DIRECTORY);
                if (foreign.isPresent()) {
                    throw new IOException(foreign.get());
                }
            }
        }
    }

    /** For a file that may exist already (the lock file): what makes it private if this call creates it. */
    static FileAttribute<?>[] creationAttributes(Path file) throws IOException {
        return Protection.of(file).creationAttributes();
    }

    /**
     * Replaces {@code target} with {@code content}: a private temp file in the same directory,
     * created, written and flushed through one channel (so nothing swapped in under its name is
     * written through), then renamed over the target, then the directory flushed. A crash leaves
     * either the old file or the new one, never a torn one.
     */
    static void writeAtomically(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = tempFileOf(target);
        try {
            writeNew(temp, content);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(dir);
    }

    /** Whether {@code bytes} could be written beside {@code target} now: a temp file is written, flushed and removed. */
    static void probeWritable(Path target, int bytes) throws IOException {
        Path temp = tempFileOf(target);
        try {
            writeNew(temp, new byte[bytes]);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Creates {@code file} (owner-only; it must not exist, not even as a link) and writes it through that one channel. */
    static void writeNew(Path file, byte[] content) throws IOException {
        try (FileChannel channel = Protection.of(file).createFile(file)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static Path tempFileOf(Path target) {
        return target.toAbsolutePath().getParent().resolve(tempPrefix(target)
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX);
    }

    private static String tempPrefix(Path target) {
        return "." + target.getFileName() + ".";
    }

    /**
     * Whether {@code name} is one of {@link #writeAtomically}'s temp files for {@code target}:
     * {@code .TARGET.HEX.tmp} exactly (older versions used decimal digits). A looser pattern would
     * also match the temp files of {@code TARGET.x.json}, which belong to another profile and lock.
     */
    static boolean isTempFileOf(Path target, String name) {
        String prefix = tempPrefix(target);
        if (!name.startsWith(prefix) || !name.endsWith(TEMP_SUFFIX) || name.length() == prefix.length() + TEMP_SUFFIX.length()) {
            return false;
        }
        for (int i = prefix.length(); i < name.length() - TEMP_SUFFIX.length(); i++) {
            if ("0123456789abcdef".indexOf(name.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads a file that {@link #problem} or {@link #ensurePrivate} accepted, without following a
     * link put there since, and refusing more than {@code maxBytes}.
     */
    public static byte[] read(Path file, int maxBytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(maxBytes + 1L, Math.max(channel.size() + 1, 1)));
            while (channel.read(buffer) > 0) {
                if (!buffer.hasRemaining()) {
                    if (buffer.capacity() > maxBytes) {
                        throw new IOException(file + " is larger than " + maxBytes + " bytes");
                    }
                    buffer = ByteBuffer.allocate(maxBytes + 1).put(buffer.flip());
                }
            }
            byte[] bytes = new byte[buffer.position()];
            buffer.flip().get(bytes);
            return bytes;
        }
    }

    /**
     * Like ssh with a private key: a store that others can read is not trusted as is. Their access
     * (group and other permission bits, or other users' ACL entries) is removed, with a warning,
     * because the secrets may have been seen. What {@link #foreign} finds (a symbolic link, a FIFO
     * or directory in place of a file, another user's folder, a folder whose ACL lets others in)
     * is refused. Returns the status, or empty if there is nothing there.
     */
    static Optional<Status> ensurePrivate(Path path, Kind kind, Consumer<String> warnings) throws IOException {
        Optional<Status> status = status(path);
        if (status.isEmpty()) {
            return status;
        }
        Optional<String> foreign = foreign(path, status.get(), kind);
        if (foreign.isPresent()) {
            throw new IOException(foreign.get());
        }
        if (status.get().othersAccess().isPresent()) {
            String wanted = Protection.of(path).makePrivate(path, kind);
            warnings.accept("warning: " + path + " was accessible to other users (" + status.get().othersAccess().get()
                    + "); permissions reset to " + wanted + ". If others could read it, log in again to replace the tokens.");
        }
        return status;
    }

    /** Makes a rename durable, where the file system allows it. */
    static void syncDirectory(Path dir) throws IOException {
        Protection.of(dir).syncDirectory(dir);
    }
}
