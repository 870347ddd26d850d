package dev.jlogin.session;

import dev.jlogin.JLoginException;
import dev.jlogin.ServerText;
import dev.jlogin.config.LoginFlow;
import dev.jlogin.config.Settings;
import dev.jlogin.oauth.IdTokenCheck;
import dev.jlogin.oauth.ServerMetadata;
import dev.jlogin.store.StoredLogin;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * What {@link JLogin#login()} and {@link JLogin#whoami()} do behind the façade: approve a new
 * login in the flow the settings and server call for, and report a login as a {@link Login} (who
 * holds it, until when, what its ID token's check found). The names: {@link Login} is that report,
 * and holds no token; {@code store.StoredLogin} is what the store keeps, tokens included; the
 * {@code login} command is {@code cli.commands.LoginCommand}, and its waiting screen {@code LoginScreen}.
 */
final class LoginReports {
    private final Wiring parts;

    LoginReports(Wiring parts) {
        this.parts = parts;
    }

    Login login(Settings settings, LoginListener listener) {
        ServerMetadata server = parts.metadata().resolve(settings);
        NewLogin.Approved approved = approve(settings, server, listener);
        StoredLogin login = approved.login();
        return describe(settings, login, identity(settings, server, login), approved.idTokenCheck());
    }

    NewLogin.Approved approve(Settings settings, ServerMetadata server, LoginListener listener) {
        return parts.flow(settings, server) == LoginFlow.BROWSER ? parts.browserFlow(settings).approve(settings, server, listener)
                : parts.deviceFlow(settings).approve(settings, server, listener);
    }

    Login whoami() {
        Settings settings = parts.settings();
        StoredLogin login = parts.tokens(settings).valid(JLogin.USERINFO_MARGIN);
        ServerMetadata server = parts.metadata().resolve(settings);
        Optional<IdTokenCheck> check = login.tokens().idToken().map(t -> parts.idTokens().check(t, server,
                settings.provider().idTokenIssuers(server.issuer()), login.clientId()));
        return describe(settings, login, parts.identityLookup(settings).lookup(server, login.tokens()), check);
    }

    /**
     * {@code login} on a thread of its own. Cancelling the future interrupts the login: polling
     * stops and, unless the tokens had arrived already, nothing is stored.
     */
    static CompletableFuture<Login> onThread(Supplier<Login> login) {
        CompletableFuture<Login> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(login.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, "jlogin-login");
        thread.setDaemon(true);
        result.whenComplete((done, failure) -> {
            if (result.isCancelled()) {
                thread.interrupt();
            }
        });
        thread.start();
        return result;
    }

    /** A login as the commands report it, with its ID token's check (made once, by whoever got the token). */
    private static Login describe(Settings settings, StoredLogin login, Identity identity, Optional<IdTokenCheck> check) {
        return new Login(settings.profile(), settings.describeServer(), login.issuer(), login.clientId(), identity,
                login.tokens().scope(), login.tokens().expiresAt(), login.tokens().refreshToken().isPresent(), check,
                login.targetsHeld().stream().map(t -> new Login.Target(t, login.targets().get(t).expiresAt())).toList());
    }

    /** Who holds a fresh login; unknown, with a notice, if the server cannot say: the login itself worked. */
    private Identity identity(Settings settings, ServerMetadata server, StoredLogin login) {
        try {
            return parts.identityLookup(settings).lookup(server, login.tokens());
        } catch (JLoginException e) {
            parts.notices().accept("warning: logged in, but could not look up who: " + ServerText.sanitize(e.getMessage()));
            return Identity.unknown();
        }
    }
}
