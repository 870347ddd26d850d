package dev.jlogin.cli;

import dev.jlogin.browser.BrowserLauncher;
import dev.jlogin.cli.commands.ExecCommand;
import dev.jlogin.cli.commands.LoginCommand;
import dev.jlogin.cli.terminal.Environment;
import dev.jlogin.testing.FakeAuthorizationServer;
import dev.jlogin.testing.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Runs commands in-process against a fake server, on a simulated clock, capturing both streams. */
public final class CliHarness implements AutoCloseable {
    public record Result(int exit, String out, String err) {
        /** Every line of stdout and stderr, for checks that no secret appears anywhere. */
        public String both() {
            return out + "\n" + err;
        }
    }

    public final MutableClock clock = new MutableClock();
    public final FakeAuthorizationServer server;
    public final Map<String, String> env = new HashMap<>();
    public final Properties properties = new Properties();
    public boolean terminal;
    /** Whether stdin is a terminal, where a person could answer a question. */
    public boolean stdinTerminal;
    /** Whether stderr, where the login prompt goes, is a terminal. */
    public boolean stderrTerminal;
    public BrowserLauncher browser = BrowserLauncher.NONE;
    /** What the command reads on stdin. */
    public String stdin = "";
    /** Runs at every wait of the device flow, after the clock moved: where a test "approves". */
    public Runnable onWait = () -> { };

    public CliHarness(Path home) {
        this(home, null, java.net.InetAddress.getLoopbackAddress());
    }

    /** With the fake server on {@code host} over HTTPS, using {@code tls}'s certificate. */
    public CliHarness(Path home, javax.net.ssl.SSLContext tls, java.net.InetAddress host) {
        server = new FakeAuthorizationServer(clock, tls, host);
        env.put("JLOGIN_HOME", home.toString());
        env.put("JLOGIN_ISSUER", server.issuer());
        env.put("JLOGIN_CLIENT_ID", "cli");
    }

    public Result run(Command command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Environment environment = new Environment(env, properties, new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), clock, d -> {
                    clock.advance(d);
                    onWait.run();
                }, () -> stdinTerminal, () -> terminal, () -> stderrTerminal, () -> browser);
        int exit = Cli.run(command, args, environment);
        // every test of a command checks that it ends only as its help says; exec ends as its child did
        if (!(command instanceof ExecCommand)) {
            org.assertj.core.api.Assertions.assertThat(command.spec().exitCodes().numbers())
                    .as(command.name() + " ended with an exit code its help does not list").contains(exit);
        }
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public Result login(String... args) {
        onWait = server::approve;
        return run(new LoginCommand(), args);
    }

    @Override
    public void close() {
        server.close();
    }
}
