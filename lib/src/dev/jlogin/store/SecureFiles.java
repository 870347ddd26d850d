package dev.jlogin.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Owner-only files written atomically. Permissions are set by the call that creates a file or
 * directory (never chmod afterwards), so there is no moment in which another user could open it.
 * On file systems without POSIX permissions (Windows) files inherit the directory's ACL.
 */
final class SecureFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private SecureFiles() {
    }

    static void createPrivateDirectories(Path dir) throws IOException {
        if (POSIX) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    static FileAttribute<?>[] privateFile() {
        return POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    /**
     * Replaces {@code target} with {@code content}: a private temp file in the same directory,
     * flushed to disk, then renamed over the target, then the directory flushed. A crash leaves
     * either the old file or the new one, never a torn one.
     */
    static void writeAtomically(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", privateFile());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(dir);
    }

    /**
     * Like ssh with a private key: a store that others can read is not trusted as is. Group and
     * other permission bits are removed, with a warning, because the secrets may have been seen.
     * A symbolic link is refused: the store must not be pointed somewhere else.
     */
    static void ensurePrivate(Path path, String permissions, Consumer<String> warnings) throws IOException {
        if (!POSIX || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isSymbolicLink(path)) {
            throw new IOException(path + " is a symbolic link; the token store accepts only plain files and directories");
        }
        Set<PosixFilePermission> actual = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        Set<PosixFilePermission> wanted = PosixFilePermissions.fromString(permissions);
        if (!wanted.containsAll(actual)) {
            Files.setPosixFilePermissions(path, wanted);
            warnings.accept("warning: " + path + " was accessible to other users (" + PosixFilePermissions.toString(actual)
                    + "); permissions reset to " + permissions + ". If others could read it, log in again to replace the tokens.");
        }
    }

    /** Makes a rename durable. Only possible (and only needed) on POSIX systems. */
    static void syncDirectory(Path dir) throws IOException {
        if (POSIX) {
            try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
                channel.force(true);
            }
        }
    }
}
