package dev.jlogin.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installer's pieces: choosing a runtime, quoting for sh, the version in step with the build. */
class InstallPiecesTest {
    @TempDir
    Path dir;

    private Path fakeRuntime(String name, String version) throws Exception {
        Path home = dir.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    @Test
    void aRuntimeIsItsReleaseFileAndAnExecutableJava() throws Exception {
        assertThat(JavaRuntime.at(fakeRuntime("jdk-21", "21.0.2"))).hasValueSatisfying(r -> {
            assertThat(r.feature()).isEqualTo(21);
            assertThat(r.version()).isEqualTo("21.0.2");
            assertThat(r.startupCache()).isEqualTo(StartupCache.CDS);
        });
        assertThat(JavaRuntime.at(fakeRuntime("jdk-25", "25")).orElseThrow().startupCache()).isEqualTo(StartupCache.AOT);
        Path noJava = fakeRuntime("broken", "21");
        Files.delete(noJava.resolve("bin/java"));
        assertThat(JavaRuntime.at(noJava)).isEmpty();
        assertThat(JavaRuntime.at(dir.resolve("nothing"))).isEmpty();
    }

    @Test
    void theNewestRuntimeOfAtLeast17WinsAndTheCurrentOneWinsATie() throws Exception {
        Path current = fakeRuntime("current", "21.0.1");
        Path jvms = dir.resolve("jvms");
        Files.createDirectories(jvms);
        Files.move(fakeRuntime("a", "11.0.2"), jvms.resolve("a"));
        Files.move(fakeRuntime("b", "21.0.9"), jvms.resolve("b"));
        List<JavaRuntime> all = JavaRuntimes.all(List.of(current, jvms.resolve("b")), List.of(jvms, dir.resolve("none")));
        assertThat(all).hasSize(3);
        Path currentReal = current.toRealPath();
        assertThat(JavaRuntimes.newest(all)).hasValueSatisfying(r -> assertThat(r.home()).isEqualTo(currentReal));

        Files.move(fakeRuntime("c", "25.0.1"), jvms.resolve("c"));
        List<JavaRuntime> withNewer = JavaRuntimes.all(List.of(current), List.of(jvms));
        assertThat(JavaRuntimes.newest(withNewer).orElseThrow().feature()).isEqualTo(25);
        assertThat(JavaRuntimes.newest(List.of(JavaRuntime.at(jvms.resolve("a")).orElseThrow()))).isEmpty();
    }

    @Test
    void theJdksOfSdkmanAndJbangAreLookedForUnderHome() throws Exception {
        Path home = dir.resolve("home");
        Path sdkman = home.resolve(".sdkman/candidates/java/21.0.2-tem");
        Path jbang = home.resolve(".jbang/cache/jdks/25");
        Files.createDirectories(sdkman.getParent());
        Files.createDirectories(jbang.getParent());
        Files.move(fakeRuntime("sdkman", "21.0.2"), sdkman);
        Files.move(fakeRuntime("jbang", "25"), jbang);

        List<JavaRuntime> found = JavaRuntimes.onThisMachine(Map.of("HOME", home.toString()), fakeRuntime("current", "17"));
        assertThat(found).extracting(JavaRuntime::home).contains(sdkman.toRealPath(), jbang.toRealPath());
    }

    @Test
    void quotedValuesReachTheProgramUnchanged() throws Exception {
        String hostile = "it's $HOME `id` \"q\" \\ ; & | * ?";
        Process sh = new ProcessBuilder("sh", "-c", "printf '%s' " + LauncherScript.quote(hostile)).start();
        assertThat(new String(sh.getInputStream().readAllBytes())).isEqualTo(hostile);
    }

    /** dash's echo acts on backslashes (\\c ends the output, \\033 is an escape): the message must not go through it. */
    @Test
    void theGoneMessageIsPrintedAsItIs() throws Exception {
        String reinstall = "jbang install@/srv/a\\cb\\033[31m";
        Path script = Files.writeString(dir.resolve("acme"), LauncherScript.posix("acme", "0123456789abcdef0123456789abcdef",
                new JavaRuntime(dir.resolve("gone"), "21", 21), dir.resolve("app"), List.of(), reinstall));

        Process sh = new ProcessBuilder("sh", script.toString()).start();

        assertThat(new String(sh.getErrorStream().readAllBytes())).isEqualTo("acme: its files are gone ("
                + dir.resolve("app") + "); reinstall it with: " + reinstall + "\n");
        assertThat(sh.waitFor()).isEqualTo(2);
    }

    /** With umask 000 a folder made the default way would be rwxrwxrwx. */
    @Test
    void foldersAreCreatedOwnerOnlyWhateverTheUmask() throws Exception {
        Path target = dir.resolve("a/b/c");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder("sh", "-c", "umask 000; exec \"$0\" -cp \"$1\" " + UmaskProbe.class.getName() + " \"$2\"",
                java, System.getProperty("java.class.path"), target.toString()).inheritIO().start();

        assertThat(child.waitFor()).isZero();
        for (Path folder : List.of(dir.resolve("a"), dir.resolve("a/b"), target)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).as(folder.toString()).isEqualTo("rwx------");
        }
    }

    @Test
    void theVersionIsThePoms() throws Exception {
        assertThat(Files.readString(Path.of("pom.xml"))).contains("<version>" + Version.VERSION + "-SNAPSHOT</version>");
    }
}
