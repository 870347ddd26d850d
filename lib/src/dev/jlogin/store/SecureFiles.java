package dev.jlogin.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Owner-only files written atomically, and the rules for trusting what is found on disk: a plain
 * file or directory (never a symbolic link), owned by the current user, not accessible to others.
 * Permissions are set by the call that creates a file or directory (never chmod afterwards), so
 * there is no moment in which another user could open it. On file systems without POSIX
 * permissions (Windows) files inherit the directory's ACL and only the kind of file is checked.
 */
public final class SecureFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final int TYPE_MASK = 0170000;
    private static final int DIRECTORY_TYPE = 0040000;
    private static final int REGULAR_TYPE = 0100000;
    private static final int SYMLINK_TYPE = 0120000;
    private static final String TEMP_SUFFIX = ".tmp";

    /** What a path must be. */
    public enum Kind {
        DIRECTORY("a directory"), FILE("a regular file");

        private final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    /** One {@code lstat}: kind, owner, permission bits and size. */
    record Status(int type, int uid, int mode, long size) {
        boolean is(Kind kind) {
            return type == (kind == Kind.DIRECTORY ? DIRECTORY_TYPE : REGULAR_TYPE);
        }

        boolean accessibleByOthers() {
            return (mode & 077) != 0;
        }

        String permissions() {
            return rwx(mode);
        }
    }

    private SecureFiles() {
    }

    /** The status of {@code path} itself (a link is not followed), or empty if there is nothing there. */
    static Optional<Status> status(Path path) throws IOException {
        try {
            if (!POSIX) {
                BasicFileAttributes basic = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                int type = basic.isSymbolicLink() ? SYMLINK_TYPE : basic.isDirectory() ? DIRECTORY_TYPE
                        : basic.isRegularFile() ? REGULAR_TYPE : 0;
                return Optional.of(new Status(type, CurrentUser.UNKNOWN, 0, basic.size()));
            }
            Map<String, Object> unix = Files.readAttributes(path, "unix:mode,uid,size", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) unix.get("mode");
            return Optional.of(new Status(mode & TYPE_MASK, (Integer) unix.get("uid"), mode & 0777, (Long) unix.get("size")));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * Why {@code path} must not be used as the store's or cache's {@code kind}: a symbolic link,
     * another kind of file (a FIFO, a device, a directory for a file), or another user's. Loose
     * permission bits are not reported here: callers repair or reject them as they see fit.
     */
    static Optional<String> foreign(Path path, Status status, Kind kind) {
        if (status.type() == SYMLINK_TYPE) {
            return Optional.of(path + " is a symbolic link; jlogin accepts only plain files and directories");
        }
        if (!status.is(kind)) {
            return Optional.of(path + " is not " + kind.description);
        }
        if (POSIX && status.uid() != CurrentUser.UID) {
            return Optional.of(path + " belongs to another user (uid " + status.uid() + "), not to this one (uid "
                    + CurrentUser.UID + ")");
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
        if (foreign.isPresent() || !status.get().accessibleByOthers()) {
            return foreign;
        }
        return Optional.of(path + " is accessible to other users (" + status.get().permissions() + ")");
    }

    static void createPrivateDirectories(Path dir) throws IOException {
        if (POSIX) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    /**
     * Creates {@code dir} (owner-only) under {@code home} as needed, refusing to use or create
     * anything in a folder that another user owns or that is a symbolic link: such a folder could
     * be read or rearranged by someone else whatever the file permissions say.
     */
    static void createOwnDirectories(Path home, Path dir) throws IOException {
        refuseForeignFolders(home, dir);
        createPrivateDirectories(dir);
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

    static FileAttribute<?>[] privateFile() {
        return POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
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
        try (FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS), privateFile())) {
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
     * Like ssh with a private key: a store that others can read is not trusted as is. Group and
     * other permission bits are removed, with a warning, because the secrets may have been seen.
     * What {@link #foreign} finds (a symbolic link, a FIFO or directory in place of a file, another
     * user's folder) is refused. Returns the status, or empty if there is nothing there.
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
        if (POSIX && status.get().accessibleByOthers()) {
            String wanted = kind == Kind.DIRECTORY ? "rwx------" : "rw-------";
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(wanted));
            warnings.accept("warning: " + path + " was accessible to other users (" + status.get().permissions()
                    + "); permissions reset to " + wanted + ". If others could read it, log in again to replace the tokens.");
        }
        return status;
    }

    /** Makes a rename durable. Only possible (and only needed) on POSIX systems. */
    static void syncDirectory(Path dir) throws IOException {
        if (POSIX) {
            try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
                channel.force(true);
            }
        }
    }

    private static String rwx(int mode) {
        StringBuilder s = new StringBuilder(9);
        String letters = "rwxrwxrwx";
        for (int bit = 0; bit < 9; bit++) {
            s.append((mode & (0400 >> bit)) != 0 ? letters.charAt(bit) : '-');
        }
        return s.toString();
    }

    /** The user this process runs as, looked up once and only when a check needs it. */
    private static final class CurrentUser {
        static final int UNKNOWN = -1;
        static final int UID = POSIX ? uid() : UNKNOWN;

        private static int uid() {
            try {
                // on Linux the owner of /proc/self is this process's user: cheaper than loading a native library
                return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            } catch (IOException | UnsupportedOperationException e) {
                return (int) new com.sun.security.auth.module.UnixSystem().getUid();
            }
        }
    }
}
