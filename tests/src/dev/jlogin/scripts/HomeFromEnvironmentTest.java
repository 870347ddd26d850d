package dev.jlogin.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jlogin.testing.FullTier;
import dev.jlogin.testing.JBang;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a machine where HOME names another folder than the password file (a container, a CI runner,
 * {@code sudo -H}), everything jlogin writes goes under HOME, as git's and kubectl's files do:
 * install's launcher and files, the login, and what setup-git and setup-kube configure.
 */
@FullTier
class HomeFromEnvironmentTest extends FakeServerScripts {
    /**
     * jlogin's JVMs get this as their user.home (through JDK_JAVA_OPTIONS), standing in for the
     * password file's home, which is where a JVM takes user.home from; HOME is the scripts' home.
     */
    @TempDir
    Path passwordHome;

    @BeforeEach
    void homesApart() {
        env.put("JDK_JAVA_OPTIONS", "-Duser.home=" + passwordHome);
    }

    /** Runs {@code commandLine} with no variable that would choose jlogin's, git's or kubectl's folders but HOME. */
    private JBang.Running start(String commandLine) {
        return jbang.startShell("unset JLOGIN_HOME XDG_CONFIG_HOME XDG_DATA_HOME GIT_CONFIG_GLOBAL KUBECONFIG; " + commandLine);
    }

    private JBang.Result run(String commandLine) {
        JBang.Result result = start(commandLine).await();
        assertThat(result.exit()).as(commandLine + ": " + result.err()).isZero();
        return result;
    }

    @Test
    void installLoginTokenSetupGitAndSetupKubeWriteUnderHome() throws Exception {
        run("\"$JBANG\" " + alias("install"));
        Path launcher = home.resolve(".local/bin/jlogin");
        assertThat(launcher).isExecutable();
        assertThat(home.resolve(".local/share/jlogin/launchers/jlogin")).isDirectory();

        JBang.Running login = start("\"$HOME/.local/bin/jlogin\" login --no-browser");
        await().atMost(Duration.ofMinutes(1)).until(() -> !server.requests("/issuer/device").isEmpty()
                || !login.process().isAlive());
        server.approve();
        JBang.Result loggedIn = login.await();
        assertThat(loggedIn.exit()).as(loggedIn.err()).isZero();
        assertThat(home.resolve(".config/jlogin/profiles/default.json")).isRegularFile();
        assertThat(server.accepts(run("\"$HOME/.local/bin/jlogin\" token").out().strip())).isTrue();

        run("\"$HOME/.local/bin/jlogin\" setup-git --git-host git.example.com");
        assertThat(Files.readString(home.resolve(".gitconfig"))).contains("[credential \"https://git.example.com\"]")
                .contains(launcher + " git-credential");
        run("\"$HOME/.local/bin/jlogin\" setup-kube");
        assertThat(Files.readString(home.resolve(".kube/config"))).contains("name: jlogin").contains(launcher.toString());
        // doctor shows the folders in use and what chose them
        assertThat(run("\"$HOME/.local/bin/jlogin\" doctor").out())
                .contains("  home:          " + home.resolve(".config/jlogin") + " (from HOME)")
                .contains("  user home:     " + home + " (from HOME)");

        try (Stream<Path> written = Files.walk(passwordHome)) {
            assertThat(written).containsExactly(passwordHome);
        }
    }
}
