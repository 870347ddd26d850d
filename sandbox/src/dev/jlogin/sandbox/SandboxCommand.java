package dev.jlogin.sandbox;

import dev.jlogin.JLoginException;
import dev.jlogin.browser.BrowserLauncher;
import dev.jlogin.cli.Cli;
import dev.jlogin.cli.Command;
import dev.jlogin.cli.CommandSpec;
import dev.jlogin.cli.Context;
import dev.jlogin.cli.ExitCode;
import dev.jlogin.cli.Invocation;
import dev.jlogin.cli.Option;
import dev.jlogin.cli.Options;
import dev.jlogin.cli.commands.LoginCommand;
import dev.jlogin.cli.commands.RefreshCommand;
import dev.jlogin.cli.commands.RevokeCommand;
import dev.jlogin.cli.commands.TokenCommand;
import dev.jlogin.cli.commands.WhoamiCommand;
import dev.jlogin.cli.terminal.Environment;
import dev.jlogin.cli.terminal.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code sandbox}: a real Keycloak on loopback with the sandbox realm, for trying jlogin (and
 * developing against it) without an IdP of one's own. Runs until Ctrl-C or SIGTERM; with
 * {@code --tour} it instead walks through every command, approving as the demo user, and stops.
 */
public final class SandboxCommand implements Command {
    /** One port from one start to the next, so that a login saved against the sandbox keeps working. */
    public static final int DEFAULT_PORT = 8180;
    static final CommandSpec SPEC = CommandSpec.of("sandbox", "a local Keycloak with a demo realm to try jlogin against")
            .about("Starts Keycloak " + KeycloakDistribution.VERSION + " (fetched once from Maven Central into"
                    + " ~/.cache/jlogin, or JLOGIN_CACHE) on http://127.0.0.1:" + DEFAULT_PORT + " with a demo realm,"
                    + " prints the issuer, client ids and demo credentials, and runs until Ctrl-C or SIGTERM.")
            .options(Option.value("port", "N", "the port on 127.0.0.1 (default " + DEFAULT_PORT + "; with --tour,"
                            + " a free one)"),
                    Option.flag("tour", "instead: log in with the browser login and with the device flow (the demo"
                    + " user signing in over HTTP), whoami, token piped into curl, refresh, revoke; then stop"))
            .groups(Options.OUTPUT)
            .examples("", "--port 8280", "--tour")
            .exits(ExitCode.OK, ExitCode.SERVER);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public ExitCode run(Context ctx) {
        int port = port(ctx);
        Path work;
        try {
            work = TempFolders.create(ctx.env().variables(), "jlogin-sandbox-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KeycloakProcess keycloak;
        try {
            Path home = KeycloakDistribution.fromEnvironment(ctx.env().variables(), ctx::say,
                    new DownloadProgress(ctx.env().err(), Terminal.controlsStderr(ctx.env()))).home();
            keycloak = KeycloakProcess.start(home, work, port, ctx::say);
        } catch (UncheckedIOException | IllegalStateException e) {
            cleanUp(ctx, work, false);
            throw new JLoginException(JLoginException.Kind.SERVER, e.getMessage());
        }
        // Ctrl-C or SIGTERM: the only way the sandbox ends without --tour
        Thread stopper = new Thread(() -> {
            keycloak.close();
            cleanUp(ctx, work, true);
            ctx.say("Sandbox stopped.");
        }, "sandbox-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        describe(ctx, keycloak);
        if (ctx.args().has("tour")) {
            ExitCode exit = ExitCode.UNEXPECTED;
            try {
                exit = tour(ctx, keycloak, work.resolve("home"));
                return exit;
            } finally {
                ctx.say("Stopping Keycloak.");
                keycloak.close();
                Runtime.getRuntime().removeShutdownHook(stopper);
                cleanUp(ctx, work, exit == ExitCode.OK);
            }
        }
        ctx.say("Keycloak is running; press Ctrl-C to stop it.");
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK;
    }

    /**
     * --port, else the default; the tour, whose login is thrown away, takes a free one (0) so that
     * it runs beside a sandbox already started. A taken port is said before anything is fetched.
     */
    private static int port(Context ctx) {
        Optional<String> given = ctx.args().value("port");
        if (given.isEmpty() && ctx.args().has("tour")) {
            return 0;
        }
        int port;
        try {
            port = given.map(Integer::parseInt).orElse(DEFAULT_PORT);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw new JLoginException(JLoginException.Kind.CONFIGURATION, "--port takes a port number from 1 to 65535");
        }
        if (!KeycloakProcess.isFree(port)) {
            throw new JLoginException(JLoginException.Kind.CONFIGURATION, "port " + port + " on 127.0.0.1 is in use"
                    + " (by a sandbox started before?); stop that, or choose another port with --port N");
        }
        return port;
    }

    /**
     * Removes the work folder; after a failure Keycloak's log stays there for a look, and the
     * sandbox says where. The tour's login is never kept.
     */
    private static void cleanUp(Context ctx, Path work, boolean succeeded) {
        Path log = work.resolve("keycloak.log");
        try {
            TempFolders.delete(work.resolve("home"));
            if (succeeded || !Files.exists(log)) {
                TempFolders.delete(work);
            } else {
                ctx.say("sandbox: Keycloak's log is kept in " + log);
            }
        } catch (IOException e) {
            ctx.say("sandbox: cannot remove " + work + ": " + e.getMessage());
        }
    }

    private static void describe(Context ctx, KeycloakProcess keycloak) {
        if (ctx.json()) {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("status", "running");
            info.put("issuer", keycloak.issuer());
            info.put("client_id", SandboxRealm.PUBLIC_CLIENT);
            info.put("short_client_id", SandboxRealm.SHORT_CLIENT);
            info.put("username", SandboxRealm.USER);
            info.put("password", SandboxRealm.PASSWORD);
            ctx.printJson(info);
            ctx.env().out().flush();
            return;
        }
        PrintStream out = ctx.env().out();
        out.println("Sandbox Keycloak is ready.");
        out.println("  issuer:     " + keycloak.issuer());
        out.println("  client id:  " + SandboxRealm.PUBLIC_CLIENT + " (public; " + SandboxRealm.SHORT_CLIENT
                + " has codes that expire in 10 s)");
        out.println("  confidential client: " + SandboxRealm.CONFIDENTIAL_CLIENT + " (its secret, "
                + SandboxRealm.CONFIDENTIAL_SECRET + ", goes in JLOGIN_CLIENT_SECRET)");
        out.println("  demo user:  " + SandboxRealm.USER + " / " + SandboxRealm.PASSWORD);
        out.println("  log in:     " + typed(ctx, "login") + " --issuer " + keycloak.issuer() + " --client-id "
                + SandboxRealm.PUBLIC_CLIENT);
        out.flush();
    }

    /** A command as the user can type it where the sandbox was started. */
    private static String typed(Context ctx, String command) {
        return Invocation.of(ctx.env()).command(command);
    }

    /** Each command in-process, as a user would type it; the demo user approves in place of a browser. */
    private static ExitCode tour(Context ctx, KeycloakProcess keycloak, Path home) {
        Map<String, String> variables = new HashMap<>(ctx.env().variables());
        variables.keySet().removeIf(k -> k.startsWith("JLOGIN_"));
        variables.put("JLOGIN_HOME", home.toString());
        variables.put("JLOGIN_ISSUER", keycloak.issuer());
        variables.put("JLOGIN_CLIENT_ID", SandboxRealm.PUBLIC_CLIENT);
        Environment env = new Environment(variables, new java.util.Properties(), ctx.env().in(), ctx.env().out(), ctx.env().err(),
                ctx.env().clock(), ctx.env().sleeper(), () -> false, () -> false, ctx.env().stderrIsTerminal(),
                () -> uri -> approveInBackground(ctx, uri));
        PrintStream out = ctx.env().out();
        // both ways to log in: the browser (what a desktop gets by default), then a code (over SSH)
        for (String[] line : List.of(new String[] {"login", "--browser"}, new String[] {"whoami"},
                new String[] {"login", "--device"}, new String[] {"whoami"})) {
            Command command = line[0].equals("login") ? new LoginCommand() : new WhoamiCommand();
            String[] args = Arrays.copyOfRange(line, 1, line.length);
            out.println("\n$ " + typed(ctx, command.name()) + (args.length == 0 ? "" : " " + String.join(" ", args)));
            int exit = Cli.run(command, args, env);
            if (exit != 0) {
                return ExitCode.of(exit);
            }
        }
        out.println("\n$ " + typed(ctx, "token") + " --header | curl -sS -H @- " + keycloak.issuer() + "/protocol/openid-connect/userinfo");
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        int exit = Cli.run(new TokenCommand(), new String[] {"--header"}, new Environment(variables, env.properties(), env.in(),
                new PrintStream(header, true, StandardCharsets.UTF_8), env.err(), env.clock(), env.sleeper(), () -> false,
                () -> false, env.stderrIsTerminal(), env.browser()));
        if (exit != 0) {
            return ExitCode.of(exit);
        }
        out.println(Terminal.sanitize(curl(keycloak.issuer() + "/protocol/openid-connect/userinfo", header.toByteArray())));
        for (Command command : List.of(new RefreshCommand(), new RevokeCommand(), new TokenCommand())) {
            out.println("\n$ " + typed(ctx, command.name()));
            exit = Cli.run(command, new String[0], env);
            boolean expected = command instanceof TokenCommand ? exit == ExitCode.LOGIN_REQUIRED.code() : exit == 0;
            if (!expected) {
                return ExitCode.of(exit);
            }
        }
        out.println("\n(token exits 3 after revoke: login required.) Tour complete.");
        return ExitCode.OK;
    }

    /**
     * The demo user answers the pages while login waits (signing in at the browser login's link,
     * which sends it back to login's listener, or approving the device flow's code), and login says
     * so in place of a browser opening. If that fails, the login would wait until it times out:
     * interrupting the waiting thread ends it at once instead.
     */
    private static BrowserLauncher.Outcome approveInBackground(Context ctx, java.net.URI uri) {
        Thread polling = Thread.currentThread();
        boolean browserLogin = uri.getRawQuery() != null && uri.getRawQuery().contains("code_challenge=");
        Thread approver = new Thread(() -> {
            try {
                if (browserLogin) {
                    DemoUser.alice().signIn(uri);
                } else {
                    DemoUser.alice().approve(uri);
                }
            } catch (RuntimeException e) {
                ctx.say("sandbox: " + e.getMessage());
                polling.interrupt();
            }
        }, "demo-user");
        approver.setDaemon(true);
        approver.start();
        return BrowserLauncher.Outcome.notOpened("the sandbox signs in as " + SandboxRealm.USER
                + " and approves on Keycloak's pages over HTTP, as a browser would");
    }

    /** A real request with the token from a pipe, as a script would make it. */
    private static String curl(String url, byte[] headerLine) {
        try {
            Process curl = new ProcessBuilder("curl", "-sS", "-H", "@-", url).redirectErrorStream(true).start();
            try (var in = curl.getOutputStream()) {
                in.write(headerLine);
            }
            String body = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            curl.waitFor();
            return body;
        } catch (IOException e) {
            return "(curl is not available: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }
}
