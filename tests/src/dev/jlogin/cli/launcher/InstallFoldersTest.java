package dev.jlogin.cli.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.Host;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where install puts the launcher and its files by default: under the home that HOME names. */
class InstallFoldersTest {
    @Test
    void theLauncherAndItsFilesGoUnderHome() {
        Map<String, String> env = Map.of("HOME", "/tmp/b");
        assertThat(InstallCommand.defaultBinDir(env)).isEqualTo(Path.of("/tmp/b/.local/bin"));
        assertThat(InstallCommand.dataDir(env)).isEqualTo(Path.of("/tmp/b/.local/share/jlogin"));
    }

    @Test
    void xdgDataHomeMovesTheFilesButNotTheLauncher() {
        Map<String, String> env = Map.of("HOME", "/tmp/b", "XDG_DATA_HOME", "/tmp/data");
        assertThat(InstallCommand.dataDir(env)).isEqualTo(Path.of("/tmp/data/jlogin"));
        assertThat(InstallCommand.defaultBinDir(env)).isEqualTo(Path.of("/tmp/b/.local/bin"));
    }

    @Test
    void aRelativeHomeIsNotTakenAsOneUnderTheWorkingDirectory() {
        Map<String, String> env = Map.of("HOME", "b");
        assertThat(InstallCommand.defaultBinDir(env)).isEqualTo(Host.userHome().resolve(".local/bin"));
        assertThat(InstallCommand.dataDir(env)).isEqualTo(Host.userHome().resolve(".local/share/jlogin"));
    }
}
