package dev.jlogin.cli.commands;

import dev.jlogin.JLoginException;
import dev.jlogin.cli.Command;
import dev.jlogin.cli.CommandSpec;
import dev.jlogin.cli.Context;
import dev.jlogin.cli.ExitCode;
import dev.jlogin.cli.Options;
import dev.jlogin.cli.terminal.Terminal;
import dev.jlogin.config.Audiences;
import dev.jlogin.config.Settings;
import dev.jlogin.integration.ExecCredential;
import dev.jlogin.oauth.TokenRequest;
import dev.jlogin.oauth.TokenSet;
import dev.jlogin.session.Wiring;
import dev.jlogin.store.StoredLogin;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code kube-credential}: a kubectl exec credential plugin. kubectl runs it before talking to a
 * cluster and reads an {@code ExecCredential} with a valid access token from stdout, so stdout
 * carries that one JSON line and nothing else; prompts go to stderr.
 */
public final class KubeCredentialCommand implements Command {
    /**
     * kubectl keeps a credential until its expirationTimestamp, so it is told to ask again this
     * long before the token really expires: requests in flight and clock skew still find it valid.
     * It is shorter than the refresh margin, so the call it then makes gets a fresh token.
     */
    static final Duration ASK_AGAIN_BEFORE_EXPIRY = Duration.ofSeconds(30);

    static final CommandSpec SPEC = CommandSpec.of("kube-credential", "kubectl's exec credential plugin")
            .usage("[options]   (run by kubectl, see setup-kube)")
            .about("A kubectl exec credential plugin: reads KUBERNETES_EXEC_INFO and prints an ExecCredential"
                    + " (client.authentication.k8s.io/v1 or v1beta1) with a valid access token, refreshing it first"
                    + " when it expires within --min-valid seconds. When a login is needed and kubectl runs"
                    + " interactively, it logs in as login does (a browser, or the device flow) with the prompt on stderr; otherwise it exits 3.")
            .options(Options.MIN_VALID, Options.NO_BROWSER)
            .groups(Options.TOKEN_TARGET, Options.LOGIN, Options.FLOW, Options.REQUEST, Options.ENDPOINTS, Options.NETWORK)
            .examples("--profile work --min-valid 300", "--token-audience kubernetes")
            .exits(ExitCode.OK, ExitCode.LOGIN_REQUIRED, ExitCode.DENIED, ExitCode.EXPIRED, ExitCode.SERVER, ExitCode.STORE,
                    ExitCode.CANCELLED);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public ExitCode run(Context ctx) {
        ExecCredential.Request request = ExecCredential.parse(ctx.env().variables().get(ExecCredential.VARIABLE));
        ctx.refuseTokenOnTerminal("kubectl runs this plugin with a pipe, so a terminal here means a person typed it");
        Duration minValid = ctx.minValid();
        // one read of the store for the settings and the login: kubectl may call us many times a minute
        Wiring.OneRead read = ctx.readOnce();
        Settings settings = read.settings();
        StoredLogin login;
        try {
            login = read.tokens().validFrom(read.login(), minValid, token -> false);
        } catch (JLoginException e) {
            if (e.kind() != JLoginException.Kind.LOGIN_REQUIRED) {
                throw e;
            }
            if (!request.interactive()) {
                throw e; // one line naming the login command: Cli adds it
            }
            ctx.say("kubectl needs a login (" + Terminal.sanitize(e.getMessage()) + ").");
            login = new LoginScreen(ctx, !ctx.args().has("no-browser"), false)
                    .run(settings, ctx.metadata().resolve(settings));
        }
        Optional<TokenRequest> target = ctx.target(Audiences.KUBERNETES);
        TokenSet tokens = target.isPresent()
                ? read.tokens().targetFrom(Optional.of(login), target.get(), minValid, token -> false) : login.tokens();
        Optional<Instant> askAgain = tokens.expiresAt().map(at -> at.minus(ASK_AGAIN_BEFORE_EXPIRY));
        ctx.env().out().println(ExecCredential.write(request, tokens.accessToken(), askAgain));
        ctx.env().out().flush();
        return ExitCode.OK;
    }
}
