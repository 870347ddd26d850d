package dev.jlogin.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jlogin.JLoginException;
import dev.jlogin.testing.CmdExe;
import dev.jlogin.testing.WindowsVolume;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code .cmd} launcher install writes on Windows, run through {@link CmdExe}, a model of
 * cmd.exe and of how java.exe splits its command line: every value must reach java.exe exactly,
 * whatever cmd.exe's special characters, backslashes or the user's name hold.
 */
class WindowsLauncherTest {
    private static final String ID = "0123456789abcdef0123456789abcdef";
    private static final String REINSTALL = "jbang install@<the catalog it came from>";
    private static final int JAVA_EXIT = 42;

    private final FileSystem volume = WindowsVolume.ntfs();
    private final Map<String, String> environment = Map.of(
            "USERPROFILE", "C:\\Users\\José",
            "APPDATA", "C:\\Users\\José\\AppData\\Roaming",
            "LOCALAPPDATA", "C:\\Users\\José\\AppData\\Local",
            "Path", "C:\\Windows\\system32;C:\\Windows",
            "PROGRAMS", "must not be expanded");
    private final JavaRuntime runtime = new JavaRuntime(volume.getPath("C:\\Program Files\\Java\\jdk-21"), "21.0.2", 21);
    private final Path app = volume.getPath("C:\\Users\\José\\AppData\\Local\\jlogin\\launchers\\acme\\0.2.0-5d3c0a1b");

    @AfterEach
    void closeVolume() throws Exception {
        volume.close();
    }

    private String launcher(List<String> arguments) {
        return LauncherScript.windows("acme", ID, runtime, app, arguments, REINSTALL, environment);
    }

    /** What java.exe receives from the launcher (its own name, then the arguments), called with {@code %*}. */
    private CmdExe.Outcome run(String script, String batchArguments) {
        return new CmdExe(environment, true).run(script, batchArguments, file -> true, JAVA_EXIT);
    }

    private void assertReachJavaExactly(List<String> arguments) {
        CmdExe.Outcome outcome = run(launcher(arguments), "token --header \"a b\"");

        List<String> expected = new ArrayList<>(List.of(runtime.java().toString()));
        expected.addAll(arguments);
        expected.addAll(List.of("token", "--header", "a b"));
        assertThat(outcome.command()).containsExactlyElementsOf(expected);
        assertThat(outcome.exit()).isEqualTo(JAVA_EXIT);
        assertThat(outcome.stderr()).isEmpty();
    }

    @Test
    void cmdsSpecialCharactersReachJavaAsTheyAre() {
        assertReachJavaExactly(List.of("-Djlogin.scope=100%", "-Dx=%PATH%", "-Dx=%PROGRAMS%", "%%", "%", "a^b", "^",
                "a&b", "a|b", "<in>", ">out", "-Dx=wow!", "!PATH!", "with  two spaces", " ", "(x)", ";,=",
                "-Djlogin.issuer=https://idp.example/realms/a b?x=1&y=2"));
    }

    /** Backslashes are literal except before a quote: a value's own trailing ones must survive the closing quote. */
    @Test
    void backslashesReachJavaAsTheyAre() {
        assertReachJavaExactly(List.of("C:\\dir\\", "C:\\two\\\\", "\\", "\\\\", "a\\\\b", "\\\\server\\share",
                "-Djlogin.app=C:\\x y\\", "ends with \\n", "-cp", "C:\\a\\lib\\x.jar;C:\\b\\lib\\"));
    }

    @Test
    void theUsersFoldersAreWrittenAsTheirVariablesAndExpandedByCmd() {
        Path java = volume.getPath("C:\\Users\\José\\.jdks\\temurin-21");
        String launcherPath = "C:\\Users\\José\\AppData\\Local\\jlogin\\bin\\acme.cmd";
        List<String> arguments = List.of("-Djlogin.launcher-path=" + launcherPath, "-Djlogin.app=" + app,
                "-cp", app.resolve("lib\\jlogin.jar") + ";" + app.resolve("lib\\qrcodegen-1.8.0.jar"),
                "-Dx=C:\\Users\\José\\AppData\\Roaming\\jlogin", "-Dhome=C:\\Users\\José", "C:\\Users\\José\\");
        String script = LauncherScript.windows("acme", ID, new JavaRuntime(java, "21.0.2", 21), app, arguments, REINSTALL,
                environment);

        assertThat(script).doesNotContain("José")
                .contains("\"%USERPROFILE%\\.jdks\\temurin-21\\bin\\java")
                .contains("\"-Djlogin.app=%LOCALAPPDATA%\\jlogin\\launchers\\acme\\")
                .contains("\"-Dx=%APPDATA%\\jlogin\"")
                .contains("\"%USERPROFILE%\\\\\"");
        List<String> expected = new ArrayList<>(List.of(java.resolve("bin\\java").toString()));
        expected.addAll(arguments);
        CmdExe.Outcome outcome = run(script, "");
        assertThat(outcome.command()).containsExactlyElementsOf(expected);
        assertThat(outcome.exit()).isEqualTo(JAVA_EXIT);
    }

    @Test
    void theFileIsAsciiWithCrlfLineEnds() {
        String script = launcher(List.of("-Djlogin.app=" + app, "-Dx=a&b%", "C:\\dir\\"));

        assertThat(script.chars()).allMatch(c -> c >= ' ' && c <= '~' || c == '\r' || c == '\n');
        assertThat(script).endsWith("\r\n");
        assertThat(script.split("\r\n", -1)).allSatisfy(line -> assertThat(line).doesNotContain("\r", "\n"));
        assertThat(script.lines().limit(3)).anySatisfy(line -> assertThat(line).contains(LauncherScript.MARKER));
    }

    @Test
    void whenItsRuntimeOrFilesAreGoneItSaysSoOnStderrAndExits2() {
        String script = LauncherScript.windows("acme", ID, runtime, app, List.of("-Dx=1"),
                "jbang install@<acme> & 100% ^|!", environment);
        List<String> asked = new ArrayList<>();

        CmdExe.Outcome outcome = new CmdExe(environment, true).run(script, "token", file -> {
            asked.add(file);
            return !file.endsWith("install.properties");
        }, JAVA_EXIT);

        assertThat(asked).containsExactly(runtime.java().toString(), app.resolve("install.properties").toString());
        assertThat(outcome.command()).isEmpty();
        assertThat(outcome.stderr()).isEqualTo("acme: its Java runtime or its files are gone; reinstall it with:"
                + " jbang install@<acme> & 100% ^|!\r\n");
        assertThat(outcome.exit()).isEqualTo(2);
    }

    @Test
    void aValueWithADoubleQuoteOrAControlCharacterIsRefused() {
        for (String value : List.of("-Dx=say \"hi\"", "-Dx=\\\"", "-Dx=a\nb", "-Dx=a\rb", "-Dx=a\0b")) {
            assertThatThrownBy(() -> launcher(List.of(value)))
                    .isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.CONFIGURATION))
                    .hasMessageContaining("cannot write -Dx=").hasMessageContaining("double quote")
                    .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
        }
    }

    @Test
    void nonAsciiOutsideTheUsersFoldersIsRefused() {
        JavaRuntime elsewhere = new JavaRuntime(volume.getPath("D:\\Jürgen\\jdk-21"), "21.0.2", 21);
        assertThatThrownBy(() -> LauncherScript.windows("acme", ID, elsewhere, app, List.of(), REINSTALL, environment))
                .isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.CONFIGURATION))
                .hasMessageContainingAll("D:\\Jürgen\\jdk-21", "non-ASCII", "--bin-dir", "--java-home")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));

        // a folder is replaced whole: C:\Users\José is no prefix of C:\Users\Joséphine
        assertThatThrownBy(() -> launcher(List.of("-Dx=C:\\Users\\Joséphine\\x"))).hasMessageContaining("non-ASCII");
        assertThatThrownBy(() -> LauncherScript.windows("acme", ID, runtime, app, List.of(), "jbang install@café", environment))
                .hasMessageContaining("non-ASCII");
    }
}
