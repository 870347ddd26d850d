package dev.jlogin.demo;

import dev.jlogin.cli.BrowserLauncher;
import dev.jlogin.cli.Cli;
import dev.jlogin.cli.Command;
import dev.jlogin.cli.Environment;
import dev.jlogin.cli.LoginCommand;
import dev.jlogin.cli.RefreshCommand;
import dev.jlogin.cli.RevokeCommand;
import dev.jlogin.cli.TokenCommand;
import dev.jlogin.cli.WhoamiCommand;
import dev.jlogin.device.Sleeper;
import dev.jlogin.testing.FakeAuthorizationServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A non-interactive tour of the five commands against the in-process sandbox server, which
 * approves the login by itself a moment after the code is shown. Exits non-zero if any step
 * does not end as expected.
 */
public final class Tour {
    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("jlogin-tour");
        try (FakeAuthorizationServer server = new FakeAuthorizationServer()) {
            Map<String, String> env = new HashMap<>();
            env.put("JLOGIN_HOME", home.toString());
            env.put("JLOGIN_ISSUER", server.issuer());
            env.put("JLOGIN_CLIENT_ID", "tour");
            Sleeper approvingSleeper = d -> {
                Sleeper.REAL.sleep(d);
                server.approve();
            };
            step(env, approvingSleeper, new LoginCommand(), "--no-browser");
            step(env, Sleeper.REAL, new WhoamiCommand());
            ByteArrayOutputStream token = new ByteArrayOutputStream();
            run(env, Sleeper.REAL, new TokenCommand(), new PrintStream(token, true, StandardCharsets.UTF_8), "--min-valid", "30");
            System.out.println("$ token | (a program that uses it)   -> the server "
                    + (server.accepts(token.toString(StandardCharsets.UTF_8).strip()) ? "accepts" : "REJECTS") + " the token");
            step(env, Sleeper.REAL, new RefreshCommand());
            step(env, Sleeper.REAL, new RevokeCommand());
        }
    }

    private static void step(Map<String, String> env, Sleeper sleeper, Command command, String... args) {
        System.out.println("$ " + command.name() + " " + String.join(" ", args));
        run(env, sleeper, command, System.out, args);
    }

    private static void run(Map<String, String> env, Sleeper sleeper, Command command, PrintStream out, String... args) {
        int exit = Cli.run(command, args, new Environment(env, new Properties(), out, System.err, Clock.systemUTC(), sleeper,
                () -> false, BrowserLauncher.NONE));
        if (exit != 0) {
            System.err.println("tour: " + command.name() + " exited " + exit);
            System.exit(exit);
        }
    }
}
