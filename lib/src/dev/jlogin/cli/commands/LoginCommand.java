package dev.jlogin.cli.commands;

import dev.jlogin.cli.Command;
import dev.jlogin.cli.CommandSpec;
import dev.jlogin.cli.Context;
import dev.jlogin.cli.ExitCode;
import dev.jlogin.cli.Option;
import dev.jlogin.cli.Options;
import dev.jlogin.cli.terminal.Terminal;
import dev.jlogin.config.Settings;
import dev.jlogin.session.Identity;
import dev.jlogin.session.IdentityLookup;
import dev.jlogin.session.Login;
import dev.jlogin.store.StoredLogin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** {@code login}: a new login, in a browser or with the device flow, to stored tokens. */
public final class LoginCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.of("login", "log in (in a browser, or with a code) and store the tokens")
            .about("Logs in and stores the tokens in the profile. Where a browser can be opened on this machine,"
                    + " it opens one (authorization code with PKCE, RFC 8252) and waits for it to come back; elsewhere"
                    + " (over SSH, without a display, or with --device) it uses the device flow (RFC 8628): shows a"
                    + " code and a link (on stderr) and waits while you approve on any device. Prints who logged in,"
                    + " never a token. With --json, stdout gets one JSON line when the login waits (flow; for the"
                    + " device flow user_code, verification_uri, verification_uri_complete; for the browser"
                    + " authorization_uri, browser_opened; expires_at) and one with the outcome.")
            .options(Options.NO_BROWSER,
                    Option.flag("force", "replace the profile's login without asking (on a terminal, login asks"
                            + " before replacing one; in scripts it always replaces)"),
                    Option.flag("qr", "also draw the link as a QR code, to scan with a phone (the default over SSH"
                            + " on a terminal)"),
                    Option.flag("no-qr", "no QR code, even over SSH"),
                    Option.flag("copy", "put the code on the clipboard (wl-copy, xclip, xsel, pbcopy or clip.exe)"))
            .groups(Options.LOGIN, Options.FLOW, Options.REQUEST, Options.ENDPOINTS, Options.NETWORK, Options.OUTPUT)
            .examples("--issuer https://idp.example.com/realms/acme --client-id cli",
                    "--profile work --scope 'openid offline_access' --device",
                    "--browser --redirect-port 8400 --json")
            .exits(ExitCode.OK, ExitCode.DENIED, ExitCode.EXPIRED, ExitCode.SERVER, ExitCode.STORE, ExitCode.CANCELLED);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public ExitCode run(Context ctx) {
        Settings settings = ctx.loginSettings();
        if (!ctx.args().has("force") && !confirmReplacing(ctx, settings)) {
            ctx.say("Kept the current login.");
            return ExitCode.OK;
        }
        Login login = new LoginScreen(ctx, !ctx.args().has("no-browser"), ctx.json()).login(settings);
        report(ctx, login);
        return ExitCode.OK;
    }

    /**
     * Whether to go on when the profile holds a login already: a person at a terminal (stdin and
     * stderr) is asked, since a new login replaces tokens other tools may be using; a script is not.
     */
    private static boolean confirmReplacing(Context ctx, Settings settings) {
        if (!ctx.env().stdinIsTerminal().getAsBoolean() || !ctx.env().stderrIsTerminal().getAsBoolean()) {
            return true;
        }
        Optional<StoredLogin> current = ctx.store().read(settings.profile());
        if (current.isEmpty()) {
            return true;
        }
        Identity who = IdentityLookup.fromIdToken(current.get().tokens());
        ctx.say("Profile '" + settings.profile() + "' is logged in to " + Terminal.sanitize(current.get().settings().issuer()
                .orElse(settings.describeServer())) + (who.equals(Identity.unknown()) ? "" : " as " + Terminal.sanitize(who.display()))
                + " already.");
        ctx.env().err().print("Log in again and replace that login? [y/N] ");
        ctx.env().err().flush();
        String answer;
        try {
            answer = new BufferedReader(new InputStreamReader(ctx.env().in(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null) {
            ctx.say("");
        }
        return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    }

    private static void report(Context ctx, Login login) {
        if (ctx.json()) {
            Map<String, Object> result = WhoamiCommand.describe(login, ctx.env().clock().instant());
            result.put("status", "logged_in");
            ctx.printJson(result);
        } else {
            ctx.env().out().println("Logged in to " + Terminal.sanitize(login.server()) + " as "
                    + Terminal.sanitize(login.identity().display()) + " (profile '" + login.profile() + "').");
        }
    }
}
