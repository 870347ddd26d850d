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
 * one whatever the umask. One {@code lstat} tells kind, owner and mode. A file others can read is
 * made private again (jlogin wrote it); a folder others can write is refused, never chmod'ed.
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
        // a folder is judged as ssh judges ~/.ssh: others may look in, but not change it; and it is
        // never chmod'ed, as it may not be jlogin's (a home of 1777 or 2775 would lose its bits)
        boolean folder = (mode & TYPE_MASK) == SecureFiles.DIRECTORY_TYPE;
        Optional<String> access = (mode & (folder ? 022 : 077)) == 0 ? Optional.empty() : Optional.of(rwx(mode));
        return new SecureFiles.Status(mode & TYPE_MASK, (Long) unix.get("size"), otherOwner, access, !folder);
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

    /** As ls shows it, with the set-id and sticky bits, since they matter in a folder others can write. */
    static String rwx(int mode) {
        StringBuilder s = new StringBuilder(9);
        String letters = "rwxrwxrwx";
        for (int bit = 0; bit < 9; bit++) {
            s.append((mode & (0400 >> bit)) != 0 ? letters.charAt(bit) : '-');
        }
        special(s, mode, 04000, 2, 's');
        special(s, mode, 02000, 5, 's');
        special(s, mode, 01000, 8, 't');
        return s.toString();
    }

    private static void special(StringBuilder s, int mode, int bit, int at, char letter) {
        if ((mode & bit) != 0) {
            s.setCharAt(at, s.charAt(at) == 'x' ? letter : Character.toUpperCase(letter));
        }
    }
}
