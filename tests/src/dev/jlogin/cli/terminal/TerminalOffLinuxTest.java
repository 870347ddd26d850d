package dev.jlogin.cli.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.cli.Invocation;
import dev.jlogin.install.JavaRuntime;
import dev.jlogin.install.JavaRuntimes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where /proc cannot tell (macOS, Windows), Terminal asks the JDK's console. A console that
 * exists does not mean a terminal from JDK 22 on, so {@code token | curl} must not be taken for
 * {@code token} on a terminal. Checked in child JVMs (see {@link TerminalProbe}) on a JDK before
 * 22 and on one from 22, with stdout piped and on a pseudo-terminal (script(1)).
 */
class TerminalOffLinuxTest {
    private static JavaRuntime beforeConsoleIsTerminal;
    private static JavaRuntime withConsoleIsTerminal;

    @TempDir
    Path dir;

    /** The oldest and the newest JDK on this machine, found where install looks (/usr/lib/jvm, JAVA_HOME, …). */
    @BeforeAll
    static void findJdks() {
        List<JavaRuntime> runtimes = JavaRuntimes.onThisMachine(System.getenv(), Path.of(System.getProperty("java.home")));
        beforeConsoleIsTerminal = runtimes.stream().min(Comparator.comparingInt(JavaRuntime::feature)).orElseThrow();
        withConsoleIsTerminal = runtimes.stream().max(Comparator.comparingInt(JavaRuntime::feature)).orElseThrow();
        assertThat(beforeConsoleIsTerminal.feature()).as("a JDK 17 to 21 to test the console check before Console.isTerminal();"
                + " found: " + runtimes).isBetween(17, 21);
        assertThat(withConsoleIsTerminal.feature()).as("a JDK 22 or newer (e.g. Temurin 25 in /usr/lib/jvm) to test"
                + " Console.isTerminal(); found: " + runtimes).isGreaterThanOrEqualTo(22);
    }

    /** The probe's java command line on {@code jdk}, with {@code options} before the class. */
    private List<String> probe(JavaRuntime jdk, List<String> options, String... probeArgs) {
        List<String> command = new ArrayList<>(List.of(jdk.java().toString(), "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path")));
        command.addAll(options);
        command.add(TerminalProbe.class.getName());
        command.add(dir.resolve("no-proc").toString());
        command.addAll(List.of(probeArgs));
        return command;
    }

    /** Runs {@code command} with stdin and stdout pipes; returns its stdout. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    /** Runs {@code command} on a pseudo-terminal of its own: script(1) copies what it prints to our pipe. */
    private static String onAPseudoTerminal(List<String> command) throws IOException, InterruptedException {
        String line = command.stream().map(Invocation::quote).collect(Collectors.joining(" "));
        return run(List.of("script", "-qec", line, "/dev/null"));
    }

    @Test
    void intoAPipeStdoutIsNoTerminalBeforeJdk22() throws Exception {
        assertThat(run(probe(beforeConsoleIsTerminal, List.of()))).isEqualTo("console=false stdout=false");
    }

    @Test
    void intoAPipeStdoutIsNoTerminalFromJdk22() throws Exception {
        assertThat(run(probe(withConsoleIsTerminal, List.of()))).endsWith("stdout=false");
    }

    /** What JDK 22 to 24 do by default: a console although stdin and stdout are pipes. */
    @Test
    void intoAPipeStdoutIsNoTerminalEvenWhenTheJdkHasAConsole() throws Exception {
        List<String> consoleWhenRedirected = List.of("--add-modules", "jdk.jshell", "--add-exports",
                "jdk.jshell/jdk.jshell.execution.impl=ALL-UNNAMED", "-Djdk.console=jdk.jshell");
        assertThat(run(probe(withConsoleIsTerminal, consoleWhenRedirected, "console-when-redirected")))
                .isEqualTo("console=true stdout=false");
    }

    @Test
    void onAPseudoTerminalStdoutIsATerminal() throws Exception {
        assertThat(onAPseudoTerminal(probe(beforeConsoleIsTerminal, List.of()))).isEqualTo("console=true stdout=true");
        assertThat(onAPseudoTerminal(probe(withConsoleIsTerminal, List.of()))).isEqualTo("console=true stdout=true");
    }
}
