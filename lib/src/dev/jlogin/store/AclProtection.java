package dev.jlogin.store;

import dev.jlogin.Host;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Owner-only ACLs, for file systems with ACLs but no POSIX permissions (Windows). What jlogin
 * creates gets exactly one entry: the user may do everything, and the entry is neither inherited
 * nor passed on. What it finds is trusted when its owner is the user, SYSTEM or the
 * Administrators group (which owns what an elevated administrator creates) and its ACL allows no
 * one else in: the rule Win32-OpenSSH applies to private key files. A folder open to others is
 * refused rather than repaired, since jlogin never changes the ACL of what it did not create.
 * Principals are compared as the file system compares them (on Windows, by SID).
 */
final class AclProtection implements Protection {
    private static final Map<FileSystem, AclProtection> BY_FILE_SYSTEM = new ConcurrentHashMap<>();
    private static final List<String> ALSO_TRUSTED = List.of("NT AUTHORITY\\SYSTEM", "BUILTIN\\Administrators");

    private final UserPrincipal user;
    private final Set<UserPrincipal> trusted = new HashSet<>();
    private final AclEntry ownerOnly;

    private AclProtection(UserPrincipalLookupService lookup) throws IOException {
        String name = Host.property("user.name", "");
        try {
            user = lookup.lookupPrincipalByName(name);
        } catch (UserPrincipalNotFoundException e) {
            throw new IOException("the current user (" + name + ") is not known to the file system");
        }
        trusted.add(user);
        for (String other : ALSO_TRUSTED) {
            try {
                trusted.add(lookup.lookupPrincipalByName(other));
            } catch (UserPrincipalNotFoundException e) {
                // not known by this name here: its files are refused, which is the safe side
            }
        }
        ownerOnly = AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(user)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build();
    }

    /** The protection of {@code fileSystem}, whose current user is looked up on first use. */
    static AclProtection of(FileSystem fileSystem) throws IOException {
        AclProtection known = BY_FILE_SYSTEM.get(fileSystem);
        if (known == null) {
            known = new AclProtection(fileSystem.getUserPrincipalLookupService());
            BY_FILE_SYSTEM.putIfAbsent(fileSystem, known);
        }
        return known;
    }

    @Override
    public SecureFiles.Status status(Path path) throws IOException {
        BasicFileAttributes basic = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        int type = basic.isSymbolicLink() ? SecureFiles.SYMLINK_TYPE : basic.isDirectory() ? SecureFiles.DIRECTORY_TYPE
                : basic.isRegularFile() ? SecureFiles.REGULAR_TYPE : 0;
        if (type != SecureFiles.DIRECTORY_TYPE && type != SecureFiles.REGULAR_TYPE) {
            // refused for its kind: nothing is read through a link
            return new SecureFiles.Status(type, basic.size(), Optional.empty(), Optional.empty(), false);
        }
        AclFileAttributeView view = view(path);
        UserPrincipal owner = view.getOwner();
        Optional<String> otherOwner = trusted.contains(owner) ? Optional.empty()
                : Optional.of("another user (" + owner.getName() + "), not to this one (" + user.getName() + ")");
        List<AclEntry> acl = view.getAcl();
        List<String> others = acl.stream()
                .filter(entry -> entry.type() == AclEntryType.ALLOW && !trusted.contains(entry.principal()))
                .map(entry -> entry.principal().getName()).distinct().toList();
        // Java reads a null DACL, which lets everyone in, as an empty list; jlogin never writes an empty one
        Optional<String> access = acl.isEmpty() ? Optional.of("it has no ACL entries: a missing ACL lets everyone in")
                : others.isEmpty() ? Optional.empty() : Optional.of("its ACL allows " + String.join(", ", others));
        return new SecureFiles.Status(type, basic.size(), otherOwner, access, type == SecureFiles.REGULAR_TYPE);
    }

    /** Only the folders made here get the owner-only ACL: one that exists already is never changed. */
    @Override
    public void createDirectories(Path dir) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path folder = dir.toAbsolutePath(); folder != null && Files.notExists(folder, LinkOption.NOFOLLOW_LINKS);
             folder = folder.getParent()) {
            missing.push(folder);
        }
        for (Path folder : missing) {
            try {
                Files.createDirectory(folder);
            } catch (FileAlreadyExistsException e) {
                continue; // made meanwhile by another process, which protects it
            }
            makePrivate(folder, SecureFiles.Kind.DIRECTORY);
        }
    }

    /**
     * Created, then made owner-only before a byte is written. Windows would take the ACL as an
     * attribute of the creation, but the in-memory file system the tests stand in for it with
     * refuses that, and one path for both keeps the tests honest; the folder the file is created
     * in is owner-only already, so the moment between is harmless.
     */
    @Override
    public FileChannel createFile(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS));
        try {
            makePrivate(file, SecureFiles.Kind.FILE);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** None: the lock file, which holds no secret, keeps what its owner-only folder gives it. */
    @Override
    public FileAttribute<?>[] creationAttributes() {
        return new FileAttribute<?>[0];
    }

    @Override
    public String makePrivate(Path path, SecureFiles.Kind kind) throws IOException {
        view(path).setAcl(List.of(ownerOnly));
        return "owner-only (" + user.getName() + ")";
    }

    /** Windows cannot open a folder as a channel, so there is nothing to flush. */
    @Override
    public void syncDirectory(Path dir) {
    }

    private static AclFileAttributeView view(Path path) {
        return Files.getFileAttributeView(path, AclFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    }
}
