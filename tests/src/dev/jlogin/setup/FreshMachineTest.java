package dev.jlogin.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.sandbox.TempFolders;
import dev.jlogin.testing.JBang;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's test command on a machine that lacks components: it installs them where it can
 * (apt-get, as root or with sudo), saying what first; where it cannot, it stops at once with one
 * line per missing component and the command that installs it. A machine's missing tools are
 * played by a PATH without them; apt-get and sudo by stand-ins that record what they were asked.
 */
class FreshMachineTest {
    private static final String SUDO = new com.sun.security.auth.module.UnixSystem().getUid() == 0 ? "" : "sudo ";

    private Path bin;

    @BeforeEach
    void createBin() throws IOException {
        bin = TempFolders.create(System.getenv(), "jlogin-path-");
    }

    /** Ourselves: JUnit's @TempDir warns about every link that points outside it. */
    @AfterEach
    void deleteBin() throws IOException {
        TempFolders.delete(bin);
    }

    private record Run(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    /** Links every command on this PATH into {@code bin}, except {@code hidden}. */
    private void pathWithout(Set<String> hidden) throws IOException {
        for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
            Path d = Path.of(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> commands = Files.list(d)) {
                for (Path command : commands.filter(Files::isExecutable).toList()) {
                    Path link = bin.resolve(command.getFileName());
                    if (!hidden.contains(command.getFileName().toString()) && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, command);
                    }
                }
            }
        }
    }

    private void script(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.deleteIfExists(file);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Run run(String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(JBang.REPO.toFile());
        builder.environment().put("PATH", bin.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        var out = process.getInputStream();
        var err = process.getErrorStream();
        // a missing component must stop the run within seconds, before Maven or any container starts
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("finished within 20 s").isTrue();
        return new Run(process.exitValue(), new String(out.readAllBytes(), StandardCharsets.UTF_8),
                new String(err.readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void withoutAptGetItStopsAtOnceWithOneLinePerMissingComponent() throws Exception {
        pathWithout(Set.of("apt-get", "sudo", "mvn", "chromedriver", "podman", "secret-tool"));

        Run test = run(JBang.REPO.resolve("test").toString(), "-Dtest=NeverRuns");

        assertThat(test.exit()).isEqualTo(1);
        assertThat(test.out()).isEmpty();
        assertThat(test.errLines()).containsExactly(
                "[install-packages] cannot install what the tests need here (no apt-get: not Debian or Ubuntu):",
                "[install-packages] missing mvn: install it with '" + SUDO + "apt-get install maven'",
                "[install-packages] missing chromedriver: install it with '" + SUDO + "apt-get install chromium-driver'",
                "[install-packages] missing podman: install it with '" + SUDO + "apt-get install podman'",
                "[install-packages] missing secret-tool: install it with '" + SUDO + "apt-get install libsecret-tools'");
    }

    @Test
    void withAptGetItSaysWhatItInstallsAndWhyThenInstallsIt() throws Exception {
        pathWithout(Set.of("apt-get", "sudo", "chromedriver", "secret-tool"));
        // apt-get "installs" by creating the two commands; sudo (used when not root) just runs it
        script("apt-get", "echo \"apt-get $*\" >&2\n"
                + "if [ \"$1\" = install ]; then for c in chromedriver secret-tool; do"
                + " printf '#!/bin/sh\\n' >\"$(dirname \"$0\")/$c\"; chmod +x \"$(dirname \"$0\")/$c\"; done; fi");
        script("sudo", "echo \"sudo $*\" >&2\nexec \"$@\"");

        Run install = run(JBang.REPO.resolve(".ci/install-packages").toString());

        assertThat(install.exit()).as(install.err()).isZero();
        List<String> lines = install.errLines().stream().filter(l -> !l.startsWith("sudo ")).toList();
        assertThat(lines.subList(0, lines.size() - 1)).containsExactly(
                "[install-packages] installing the Debian packages the tests need:",
                "[install-packages]   chromium-driver (chromedriver): Selenium drives Chromium through it",
                "[install-packages]   libsecret-tools (secret-tool): the keyring store's client, and the keyring tests' check",
                "[install-packages] running: " + SUDO + "apt-get install chromium-driver libsecret-tools",
                "apt-get update -q",
                "apt-get install -y -q --no-install-recommends -o Dpkg::Options::=--force-confdef"
                        + " -o Dpkg::Options::=--force-confold chromium-driver libsecret-tools");
        assertThat(lines.get(lines.size() - 1)).matches("\\[install-packages\\] done in \\d+ s");

        // now that they are there, nothing more to do
        Run again = run(JBang.REPO.resolve(".ci/install-packages").toString());
        assertThat(again.exit()).isZero();
        assertThat(again.err()).isEmpty();
    }
}
