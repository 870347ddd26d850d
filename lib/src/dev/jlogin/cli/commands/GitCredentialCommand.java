package dev.jlogin.cli.commands;

import dev.jlogin.JLoginException;
import dev.jlogin.Secret;
import dev.jlogin.cli.Args;
import dev.jlogin.cli.Command;
import dev.jlogin.cli.CommandSpec;
import dev.jlogin.cli.Context;
import dev.jlogin.cli.ExitCode;
import dev.jlogin.cli.GitHosts;
import dev.jlogin.cli.Options;
import dev.jlogin.integration.GitCredentialMessage;
import dev.jlogin.oauth.TokenRequest;
import dev.jlogin.oauth.TokenSet;
import dev.jlogin.session.Wiring;
import dev.jlogin.store.RejectedTokens;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code git-credential get|store|erase}: a git credential helper ({@code git help credential})
 * that answers for the configured git hosts only, with the access token as the password. Any
 * other request gets no answer at all, so git asks its next helper and a helper configured too
 * broadly never hands the organisation's token to a third party.
 */
public final class GitCredentialCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.of("git-credential", "git's credential helper for the organisation's"
                    + " git hosts")
            .usage("[options] get|store|erase   (git runs this; see setup-git)")
            .about("A git credential helper. For https requests to a configured git host, 'get' answers with the"
                    + " user name, a valid access token as the password (refreshed first if it expires within"
                    + " --min-valid seconds) and password_expiry_utc; 'erase' (git was refused with our token) makes"
                    + " the next 'get' refresh; 'store' does nothing. Other hosts and protocols get no answer, so git"
                    + " asks its next helper. A host the organisation's jlogin.audiences names gets a token for that"
                    + " audience, as --audience would.")
            .options(Options.MIN_VALID)
            .groups(Options.GIT, Options.TARGET, Options.LOGIN, Options.NETWORK)
            .examples("get <<< $'protocol=https\\nhost=git.example.com\\n'",
                    "--git-host git.example.com --profile work get")
            .operands(1)
            .exits(ExitCode.OK, ExitCode.LOGIN_REQUIRED, ExitCode.SERVER, ExitCode.STORE);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public ExitCode run(Context ctx) {
        String action = ctx.args().operands().stream().findFirst()
                .orElseThrow(() -> Args.usage("git-credential needs the action git gives it: get, store or erase"));
        GitCredentialMessage request;
        try {
            request = GitCredentialMessage.read(ctx.env().in());
        } catch (IOException e) {
            throw new JLoginException(JLoginException.Kind.CONFIGURATION, "cannot read git's request: " + e.getMessage(), e);
        }
        String protocol = request.get("protocol").orElse("");
        String host = request.get("host").orElse("");
        String username = GitHosts.username(ctx);
        boolean ours = GitHosts.configured(ctx).stream().anyMatch(h -> h.serves(protocol, host))
                && request.get("username").map(username::equals).orElse(true);
        if (!ours) {
            return ExitCode.OK;
        }
        switch (action) {
            case "get":
                get(ctx, username, host);
                break;
            case "erase":
                erase(ctx, request);
                break;
            default:
                // 'store' (the token lives in our store already), and actions git may add later,
                // which helpers are to ignore (gitcredentials(7))
                break;
        }
        return ExitCode.OK;
    }

    private static void get(Context ctx, String username, String host) {
        ctx.refuseTokenOnTerminal("git runs this helper with a pipe, so a terminal here means a person typed it");
        Duration minValid = ctx.minValid();
        // one read of the store for the settings and the login: git may call us many times a minute
        Wiring.OneRead read = ctx.readOnce();
        RejectedTokens rejected = new RejectedTokens(ctx.home());
        Predicate<Secret> refused = token -> rejected.isRejected(read.settings().profile(), token);
        Optional<TokenRequest> target = ctx.target(host);
        TokenSet tokens = target.isPresent() ? read.tokens().targetFrom(read.login(), target.get(), minValid, refused)
                : read.tokens().validFrom(read.login(), minValid, refused).tokens();
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("username", username);
        answer.put("password", tokens.accessToken().reveal());
        // git >= 2.41 then never reuses the token past its expiry (older git ignores the line)
        tokens.expiresAt().ifPresent(t -> answer.put("password_expiry_utc", Long.toString(t.getEpochSecond())));
        ctx.env().out().print(GitCredentialMessage.format(answer));
        ctx.env().out().flush();
    }

    /**
     * git was refused with the token it names: if that is one we keep (the login's own, or one for
     * another API), the next get replaces it.
     */
    private static void erase(Context ctx, GitCredentialMessage request) {
        Secret refused = Secret.ofNullable(request.get("password").orElse(null));
        if (refused == null) {
            return;
        }
        ctx.saved().filter(login -> login.tokens().accessToken().equals(refused)
                        || login.targets().values().stream().anyMatch(t -> t.accessToken().equals(refused)))
                .ifPresent(login -> new RejectedTokens(ctx.home()).mark(ctx.profile(), refused));
    }
}
