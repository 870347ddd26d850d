package dev.jlogin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which folder is the user's home: $HOME on POSIX where it is usable, else the JVM's user.home. */
class UserHomeTest {
    /** Stands in for the JVM's user.home, which on POSIX comes from the password file. */
    private static final Path PASSWORD_HOME = Path.of("/home/from-passwd");
    private static final UserHome POSIX = new UserHome(false, PASSWORD_HOME);
    private static final UserHome WINDOWS = new UserHome(true, PASSWORD_HOME);

    @Test
    void homeIsTakenWhereSet() {
        assertThat(POSIX.in(Map.of("HOME", "/tmp/x"))).isEqualTo(Path.of("/tmp/x"));
    }

    @Test
    void withoutHomeOrWithABlankOneTheJvmsIsUsed() {
        assertThat(POSIX.in(Map.of())).isEqualTo(PASSWORD_HOME);
        assertThat(POSIX.in(Map.of("HOME", ""))).isEqualTo(PASSWORD_HOME);
        assertThat(POSIX.in(Map.of("HOME", "  "))).isEqualTo(PASSWORD_HOME);
    }

    @Test
    void aRelativeHomeIsNotTrusted() {
        assertThat(POSIX.in(Map.of("HOME", "relative/home"))).isEqualTo(PASSWORD_HOME);
        assertThat(POSIX.in(Map.of("HOME", "."))).isEqualTo(PASSWORD_HOME);
    }

    @Test
    void onWindowsHomeIsAShellsAndTheJvmsIsUsed() {
        assertThat(WINDOWS.in(Map.of("HOME", "/c/Users/alice"))).isEqualTo(PASSWORD_HOME);
    }

    @Test
    void programsThatFollowHomeAreGivenTheSameHome() {
        assertThat(POSIX.programEnvironment(Map.of("HOME", "/tmp/x", "PATH", "/bin")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("HOME", "/tmp/x", "PATH", "/bin"));
        assertThat(POSIX.programEnvironment(Map.of("HOME", "relative", "PATH", "/bin")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("HOME", PASSWORD_HOME.toString(), "PATH", "/bin"));
        assertThat(POSIX.programEnvironment(Map.of())).containsExactly(Map.entry("HOME", PASSWORD_HOME.toString()));
        assertThat(WINDOWS.programEnvironment(Map.of("PATH", "C:\\bin"))).containsExactly(Map.entry("PATH", "C:\\bin"));
    }
}
