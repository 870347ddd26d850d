package dev.jlogin.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.UserHome;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where jlogin keeps its files, highest first: JLOGIN_HOME, Windows' APPDATA, XDG_CONFIG_HOME, then ~/.config. */
class JLoginHomeTest {
    /** Stands in for the JVM's user.home, which on POSIX comes from the password file. */
    private static final Path PASSWORD_HOME = Path.of("/home/from-passwd");
    private static final UserHome POSIX = new UserHome(false, PASSWORD_HOME);
    private static final UserHome WINDOWS = new UserHome(true, PASSWORD_HOME);

    @Test
    void underHomeWhereSetElseUnderTheJvmsHome() {
        assertThat(JLoginHome.choose(Map.of("HOME", "/tmp/b"), POSIX).path()).isEqualTo(Path.of("/tmp/b/.config/jlogin"));
        assertThat(JLoginHome.choose(Map.of("HOME", " "), POSIX).path()).isEqualTo(PASSWORD_HOME.resolve(".config/jlogin"));
        assertThat(JLoginHome.choose(Map.of("HOME", "b"), POSIX).path()).isEqualTo(PASSWORD_HOME.resolve(".config/jlogin"));
        assertThat(JLoginHome.choose(Map.of(), POSIX).path()).isEqualTo(PASSWORD_HOME.resolve(".config/jlogin"));
        assertThat(JLoginHome.choose(Map.of(), POSIX).from()).isEqualTo("user.home");
        assertThat(JLoginHome.choose(Map.of("HOME", "/tmp/b"), POSIX).from()).isEqualTo("HOME");
    }

    @Test
    void xdgConfigHomeComesBeforeHome() {
        assertThat(JLoginHome.choose(Map.of("HOME", "/tmp/b", "XDG_CONFIG_HOME", "/tmp/xdg"), POSIX).path())
                .isEqualTo(Path.of("/tmp/xdg/jlogin"));
        assertThat(JLoginHome.choose(Map.of("HOME", "/tmp/b", "XDG_CONFIG_HOME", ""), POSIX).path())
                .isEqualTo(Path.of("/tmp/b/.config/jlogin"));
    }

    @Test
    void jloginHomeComesFirstUnlessBlank() {
        Map<String, String> all = Map.of("JLOGIN_HOME", "/tmp/jl", "HOME", "/tmp/b", "XDG_CONFIG_HOME", "/tmp/xdg",
                "APPDATA", "C:\\Users\\alice\\AppData\\Roaming");
        assertThat(JLoginHome.choose(all, POSIX).path()).isEqualTo(Path.of("/tmp/jl"));
        assertThat(JLoginHome.choose(all, WINDOWS).path()).isEqualTo(Path.of("/tmp/jl"));
        assertThat(JLoginHome.choose(Map.of("JLOGIN_HOME", "", "HOME", "/tmp/b"), POSIX).path())
                .isEqualTo(Path.of("/tmp/b/.config/jlogin"));
    }

    @Test
    void onWindowsAppDataComesBeforeHomeAndXdg() {
        String appData = "C:\\Users\\alice\\AppData\\Roaming";
        assertThat(JLoginHome.choose(Map.of("APPDATA", appData, "HOME", "/tmp/b", "XDG_CONFIG_HOME", "/tmp/xdg"), WINDOWS).path())
                .isEqualTo(Path.of(appData, "jlogin"));
        assertThat(JLoginHome.choose(Map.of("HOME", "/c/Users/alice"), WINDOWS).path()).isEqualTo(PASSWORD_HOME.resolve(".config/jlogin"));
        // APPDATA means nothing elsewhere
        assertThat(JLoginHome.choose(Map.of("APPDATA", appData, "HOME", "/tmp/b"), POSIX).path())
                .isEqualTo(Path.of("/tmp/b/.config/jlogin"));
    }
}
