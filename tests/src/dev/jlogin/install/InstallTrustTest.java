package dev.jlogin.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jlogin.JLoginException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * install runs code as the user at every later call, so it trusts no folder that someone else
 * could change (the bin folder, its data folders, the runtime's, or any folder above them), creates
 * its folders owner-only whatever the umask, never follows a link to delete or create, and takes
 * only a file with its own id line for its launcher. Each refusal comes before anything is run.
 */
class InstallTrustTest {
    @TempDir
    Path dir;
    private Path bin;
    private Path data;
    private JavaRuntime runtime;

    @BeforeEach
    void folders() throws Exception {
        bin = Files.createDirectories(dir.resolve("home/.local/bin"));
        data = dir.resolve("home/.local/share/jlogin");
        Path home = Files.createDirectories(dir.resolve("jdk"));
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"21.0.2\"\n");
        Files.setPosixFilePermissions(Files.writeString(home.resolve("bin/java"), "#!/bin/sh\nexit 3\n"),
                PosixFilePermissions.fromString("rwxr-xr-x"));
        runtime = JavaRuntime.at(home).orElseThrow();
    }

    private Installer.Plan plan() {
        return new Installer.Plan("acme", bin, data, runtime, List.of(), Map.of(), "Main",
                new Installer.Training("Main", Map.of(), home -> { }), "jbang install@acme", Map.of());
    }

    private void assertRefused(String... fragments) {
        assertThatThrownBy(() -> Installer.install(plan()))
                .isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.CONFIGURATION))
                .satisfies(e -> assertThat(e.getMessage()).contains(fragments).doesNotContain("\n"));
    }

    private static void chmod(String mode, Path path) throws Exception {
        assertThat(new ProcessBuilder("chmod", mode, path.toString()).start().waitFor()).isZero();
    }

    @Test
    void aBinFolderOthersCanWriteIsRefused() throws Exception {
        chmod("0777", bin);

        assertRefused(bin + " can be changed by other users (rwxrwxrwx)", "another user could swap what runs as you",
                "choose another --bin-dir");
        assertThat(data).doesNotExist();
    }

    @Test
    void aFolderAboveOthersCanWriteIsRefusedUnlessItIsSticky() throws Exception {
        Path local = dir.resolve("home/.local");
        chmod("0777", local);
        assertRefused(local + " can be changed by other users (rwxrwxrwx)");

        // as /tmp: others may add entries, but not rename or delete what is not theirs; the folders
        // below it that install uses are this user's alone
        chmod("1777", local);
        Files.createDirectories(local.resolve("share"));
        assertThatThrownBy(() -> Installer.install(plan())).isInstanceOf(JLoginException.class)
                .hasMessageNotContaining("other users");
    }

    @Test
    void aFolderOfAnotherUserIsRefused() throws Exception {
        Files.createDirectories(data);
        Files.setAttribute(data, "unix:uid", 4242);

        assertRefused(data + " belongs to another user (uid 4242)", "set XDG_DATA_HOME to a folder of your own");
    }

    @Test
    void aRuntimeInAFolderOfAnotherUserIsNeitherChosenNorUsed() throws Exception {
        Files.setAttribute(runtime.home(), "unix:uid", 4242);

        assertRefused(runtime.home() + " belongs to another user (uid 4242)", "choose another runtime with --java-home");
        assertThat(JavaRuntimes.all(List.of(runtime.home()), List.of())).isEmpty();
    }

    @Test
    void aLinkInPlaceOfTheLaunchersFolderIsRefusedAndNothingIsDeletedThroughIt() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("precious"));
        Files.writeString(elsewhere.resolve("keep.txt"), "mine");
        Files.createDirectories(data.resolve("launchers"));
        Files.createSymbolicLink(data.resolve("launchers/acme"), elsewhere);

        assertRefused(data.resolve("launchers/acme") + " is a symbolic link");
        assertThat(elsewhere.resolve("keep.txt")).hasContent("mine");
        assertThat(Files.list(elsewhere)).hasSize(1);
    }

    @Test
    void aLinkInPlaceOfTheLockFileIsNotFollowed() throws Exception {
        Path target = dir.resolve("created-through-the-link");
        Files.createDirectories(data.resolve("launchers"));
        Files.createSymbolicLink(data.resolve("launchers/.acme.lock"), target);

        assertThatThrownBy(() -> Installer.install(plan())).isInstanceOf(JLoginException.class);
        assertThat(target).doesNotExist();
    }

    @Test
    void aFileThatOnlyMentionsTheLauncherIsNotTakenForOne() throws Exception {
        Files.writeString(bin.resolve("acme"), "#!/bin/sh\n# my wrapper around the jlogin launcher 'acme'\nexec acme-real \"$@\"\n");

        assertRefused(bin.resolve("acme") + " exists and was not written by jlogin's install");
        assertThat(bin.resolve("acme")).content().contains("acme-real");
    }

    /** Earlier versions wrote no id: their exact marker line, with an install of theirs in place, still counts. */
    @Test
    void aLauncherOfAnEarlierVersionIsReplaced() throws Exception {
        Files.writeString(bin.resolve("acme"), "#!/bin/sh\n# jlogin launcher 'acme': written by jlogin's install; run install again to\n");

        assertRefused("exists and was not written by jlogin's install");

        Path app = Files.createDirectories(data.resolve("launchers/acme/0.1.0-x"));
        Files.writeString(app.resolve("install.properties"), "name=acme\n");
        assertThatThrownBy(() -> Installer.install(plan())).isInstanceOf(JLoginException.class)
                .hasMessageNotContaining("not written by jlogin's install");
    }

    @Test
    void aLauncherWhoseIdNoInstallHasIsNotOurs() throws Exception {
        Files.writeString(bin.resolve("acme"), "#!/bin/sh\n# jlogin-launcher-id: 0123456789abcdef0123456789abcdef\n");
        Path app = Files.createDirectories(data.resolve("launchers/acme/0.2.0-x"));
        Files.writeString(app.resolve("install.properties"), "id=fedcba9876543210fedcba9876543210\n");

        assertRefused("exists and was not written by jlogin's install");

        Files.writeString(app.resolve("install.properties"), "id=0123456789abcdef0123456789abcdef\n");
        // ours: the install goes on, to the runtime, which this test's does not let it start
        assertThatThrownBy(() -> Installer.install(plan())).isInstanceOf(JLoginException.class)
                .hasMessageNotContaining("not written by jlogin's install");
    }
}
