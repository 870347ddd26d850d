package dev.jlogin.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;

/**
 * Whether programs kept in a folder can be swapped by another user: the question for the folders
 * an installed launcher and its runtime live in, whose code runs as the user at every call. As
 * sudo and ssh judge it: the folder is no symbolic link, and it and every folder above it (links
 * resolved, as macOS's {@code /var} is one) belong to this user or root and no one else can change
 * them, but for a folder above with the sticky bit ({@code /tmp}), where others cannot rename or
 * delete what is not theirs. Only POSIX permissions are judged; elsewhere the folder's ACL applies.
 */
public final class FolderTrust {
    private static final int STICKY = 01000;

    private FolderTrust() {
    }

    /** Why {@code folder} cannot be trusted with programs, or empty; a folder that does not exist is judged by its nearest parent. */
    public static Optional<String> problem(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath().normalize();
        if (!absolute.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Optional.empty();
        }
        Path existing = absolute;
        while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        BasicFileAttributes kind = Files.readAttributes(existing, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (kind.isSymbolicLink()) {
            return Optional.of(existing + " is a symbolic link");
        }
        if (!kind.isDirectory()) {
            return Optional.of(existing + " is not a directory");
        }
        boolean self = true;
        for (Path path = existing.toRealPath(); path != null; path = path.getParent(), self = false) {
            Map<String, Object> unix = Files.readAttributes(path, "unix:uid,mode");
            int uid = (Integer) unix.get("uid");
            int mode = (Integer) unix.get("mode");
            if (uid != CurrentUser.UID && uid != CurrentUser.ROOT) {
                return Optional.of(path + " belongs to another user (uid " + uid + ")");
            }
            if ((mode & 022) != 0 && (self || (mode & STICKY) == 0)) {
                return Optional.of(path + " can be changed by other users (" + PosixProtection.rwx(mode) + ")");
            }
        }
        return Optional.empty();
    }

    /** Creates {@code dir} and its missing parents for this user alone, whatever the umask. */
    public static void createPrivate(Path dir) throws IOException {
        Protection.of(dir).createDirectories(dir);
    }
}
