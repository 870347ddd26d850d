package dev.jlogin.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.Set;

/**
 * How the file system a path is on keeps jlogin's files and folders to their owner, and how that
 * is checked: POSIX permission bits where it has them, else an owner-only ACL (Windows). A file
 * system with neither (FAT) cannot keep a secret from other users, so nothing is stored there.
 */
interface Protection {
    /** The protection of the file system {@code path} is on; an IOException if it has none. */
    static Protection of(Path path) throws IOException {
        Set<String> views = path.getFileSystem().supportedFileAttributeViews();
        // POSIX first: it is every Unix's, and the token's hot path must not load the ACL classes
        if (views.contains("posix")) {
            return PosixProtection.INSTANCE;
        }
        if (views.contains("acl")) {
            return AclProtection.of(path.getFileSystem());
        }
        throw new IOException(path + " cannot be made private to you: its file system has no permissions;"
                + " choose another JLOGIN_HOME");
    }

    /** Kind, size, owner and access of {@code path} itself (a link is not followed); NoSuchFileException if absent. */
    SecureFiles.Status status(Path path) throws IOException;

    /** Creates {@code dir} and its missing parents, each private to the user before anything is put in it. */
    void createDirectories(Path dir) throws IOException;

    /** Creates {@code file} (it must not exist, not even as a link), private before the returned channel writes a byte. */
    FileChannel createFile(Path file) throws IOException;

    /**
     * What makes a file private in the call that creates it, for a file that may exist already (the
     * lock file, which holds no secret); empty where the file system takes no such attribute.
     */
    FileAttribute<?>[] creationAttributes();

    /** Takes other users' access away from {@code path}; returns what it has now, for the warning. */
    String makePrivate(Path path, SecureFiles.Kind kind) throws IOException;

    /** Makes a rename in {@code dir} durable, where the file system allows it. */
    void syncDirectory(Path dir) throws IOException;
}
