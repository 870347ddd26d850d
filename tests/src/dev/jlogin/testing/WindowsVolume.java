package dev.jlogin.testing;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A stand-in for a Windows (NTFS) volume, for code that decides by
 * {@code path.getFileSystem().supportedFileAttributeViews()}: Jimfs configured as Windows.
 *
 * <p>What it reproduces: Windows paths ({@code C:\} roots, {@code \} separators, names compared
 * without regard to case, for ASCII letters); the attribute views Java's Windows provider offers
 * ({@code basic}, {@code dos}, {@code owner}, {@code acl}) and no {@code posix} view; a file's owner
 * and its ACL as {@link AclFileAttributeView} reads and sets them, new files owned by this JVM's
 * {@code user.name}. Where that behaviour is documented: the API docs of Java's
 * {@code AclFileAttributeView} (owner and ACL, entries after the NFSv4 model to which Java maps
 * Windows' DACLs); Microsoft's docs on DACLs and ACE inheritance ("Access Control Lists", "ACE
 * Inheritance Rules", "Null DACLs and Empty DACLs"); and Win32-OpenSSH's check of private key
 * files ({@code contrib/win32/win32compat/w32-sshfileperm.c}: the owner must be the user, SYSTEM
 * or Administrators, and no one else may be allowed in).
 *
 * <p>What it does not reproduce: a new file or folder starts here with an empty ACL, where Windows
 * gives it its parent's inheritable entries; there is no protected-DACL bit (which stops
 * inheritance; Java cannot set it either); an ACL given at creation (an {@code acl:acl}
 * FileAttribute) is refused here, where Windows takes it; there is no null DACL (Java shows one as
 * an empty list, as it shows an empty DACL); and principals are compared by name,
 * where Windows compares SIDs (whose names differ between languages of Windows).
 */
public final class WindowsVolume {
    public static final String USER = System.getProperty("user.name");

    private WindowsVolume() {
    }

    /** An NTFS-like volume: owner and ACL views, no POSIX permissions. */
    public static FileSystem ntfs() {
        return Jimfs.newFileSystem(Configuration.windows().toBuilder()
                .setAttributeViews("basic", "owner", "acl", "dos")
                .setDefaultAttributeValue("owner:owner", USER)
                .build());
    }

    /** A FAT-like volume: Windows paths, and neither POSIX permissions nor ACLs. */
    public static FileSystem fat() {
        return Jimfs.newFileSystem(Configuration.windows().toBuilder().setAttributeViews("basic", "dos").build());
    }

    public static UserPrincipal principal(FileSystem volume, String name) {
        try {
            return volume.getUserPrincipalLookupService().lookupPrincipalByName(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An entry that lets {@code principal} do everything, neither inherited nor passed on. */
    public static AclEntry fullControl(UserPrincipal principal) {
        return entry(principal, EnumSet.allOf(AclEntryPermission.class), Set.of());
    }

    /** An entry that lets {@code principal} read, as Windows' "Read" permission does. */
    public static AclEntry read(UserPrincipal principal) {
        return entry(principal, EnumSet.of(AclEntryPermission.READ_DATA, AclEntryPermission.READ_ATTRIBUTES,
                AclEntryPermission.READ_NAMED_ATTRS, AclEntryPermission.READ_ACL, AclEntryPermission.SYNCHRONIZE), Set.of());
    }

    /**
     * Creates {@code folder} as Windows sets up a user's profile folders: the user, SYSTEM and
     * Administrators have full control, passed on to what is created inside.
     */
    public static Path profileFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        FileSystem volume = folder.getFileSystem();
        Set<AclEntryFlag> inherited = Set.of(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT);
        setAcl(folder, List.of(entry(principal(volume, USER), EnumSet.allOf(AclEntryPermission.class), inherited),
                entry(principal(volume, "NT AUTHORITY\\SYSTEM"), EnumSet.allOf(AclEntryPermission.class), inherited),
                entry(principal(volume, "BUILTIN\\Administrators"), EnumSet.allOf(AclEntryPermission.class), inherited)));
        return folder;
    }

    public static List<AclEntry> acl(Path path) throws IOException {
        return view(path).getAcl();
    }

    public static void setAcl(Path path, List<AclEntry> acl) throws IOException {
        view(path).setAcl(acl);
    }

    private static AclEntry entry(UserPrincipal principal, Set<AclEntryPermission> permissions, Set<AclEntryFlag> flags) {
        return AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(principal).setPermissions(permissions)
                .setFlags(flags).build();
    }

    private static AclFileAttributeView view(Path path) {
        return Files.getFileAttributeView(path, AclFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    }
}
