package dev.jlogin.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * POSIX permission bits: folders {@code rwx------} and files {@code rw-------}, set by the call that
 * creates them (never chmod afterwards), so there is no moment in which another user could open
 * one whatever the umask. One {@code lstat} tells kind, owner and mode.
 */
final class PosixProtection implements Protection {
    static final PosixProtection INSTANCE = new PosixProtection();
    private static final int TYPE_MASK = 0170000;

    private PosixProtection() {
    }

    @Override
    public SecureFiles.Status status(Path path) throws IOException {
        Map<String, Object> unix = Files.readAttributes(path, "unix:mode,uid,size", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) unix.get("mode");
        int uid = (Integer) unix.get("uid");
        Optional<String> otherOwner = uid == CurrentUser.UID ? Optional.empty()
                : Optional.of("another user (uid " + uid + "), not to this one (uid " + CurrentUser.UID + ")");
        Optional<String> access = (mode & 077) == 0 ? Optional.empty() : Optional.of(rwx(mode));
        return new SecureFiles.Status(mode & TYPE_MASK, (Long) unix.get("size"), otherOwner, access, true);
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    @Override
    public FileChannel createFile(Path file) throws IOException {
        return FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS), creationAttributes());
    }

    @Override
    public FileAttribute<?>[] creationAttributes() {
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }

    @Override
    public String makePrivate(Path path, SecureFiles.Kind kind) throws IOException {
        String wanted = kind == SecureFiles.Kind.DIRECTORY ? "rwx------" : "rw-------";
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(wanted));
        return wanted;
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
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
        static final int UID = uid();

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
