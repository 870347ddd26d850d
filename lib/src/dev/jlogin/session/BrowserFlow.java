package dev.jlogin.session;

import dev.jlogin.JLoginException;
import dev.jlogin.browser.BrowserLauncher;
import dev.jlogin.browser.RedirectListener;
import dev.jlogin.config.LoginFlow;
import dev.jlogin.config.Settings;
import dev.jlogin.oauth.AuthorizationRequest;
import dev.jlogin.oauth.AuthorizationResponse;
import dev.jlogin.oauth.OAuthError;
import dev.jlogin.oauth.Pkce;
import dev.jlogin.oauth.ServerMetadata;
import dev.jlogin.oauth.TokenEndpoint;
import dev.jlogin.oauth.TokenSet;
import dev.jlogin.store.StoredLogin;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * The browser login of a native app (RFC 8252): authorization code with PKCE (RFC 7636, S256)
 * and a state, the browser sent back to a listener on the loopback address, the code exchanged
 * for tokens, and the tokens kept as {@link NewLogin} keeps them. An answer is used only when it
 * carries the state, names this server's issuer where the server names one (RFC 9207), and holds
 * a code; the code is useless without the verifier, which never leaves this process but for the
 * token endpoint. Interrupting the thread that runs it cancels the login.
 */
public final class BrowserFlow {
    private final NewLogin newLogin;
    private final TokenEndpoint tokenEndpoint;
    private final BrowserLauncher browser;
    private final Clock clock;
    private final SecureRandom random;
    private final int port;
    private final Duration timeout;

    /**
     * @param port    the loopback port the client is registered with, or 0 for one the OS picks
     * @param timeout how long to wait for the browser to come back
     */
    BrowserFlow(NewLogin newLogin, TokenEndpoint tokenEndpoint, BrowserLauncher browser, Clock clock,
                SecureRandom random, int port, Duration timeout) {
        this.newLogin = newLogin;
        this.tokenEndpoint = tokenEndpoint;
        this.browser = browser;
        this.clock = clock;
        this.random = random;
        this.port = port;
        this.timeout = timeout;
    }

    /** Logs in with {@code settings} at the server {@code metadata} describes, and stores the tokens. */
    public StoredLogin run(Settings settings, ServerMetadata metadata, LoginListener listener) {
        return approve(settings, metadata, listener).login();
    }

    NewLogin.Approved approve(Settings settings, ServerMetadata metadata, LoginListener listener) {
        URI endpoint = metadata.authorizationEndpoint().orElseThrow(() -> new JLoginException(JLoginException.Kind.CONFIGURATION,
                "the server names no authorization endpoint, so there is no browser login: use the device flow (--device,"
                        + " JLOGIN_FLOW=device), or give the endpoint (--authorization-endpoint, JLOGIN_AUTHORIZATION_ENDPOINT)"));
        newLogin.checkAllowed(settings, metadata, LoginFlow.BROWSER);
        Pkce pkce = Pkce.create(random);
        String state = AuthorizationRequest.newState(random);
        try (RedirectListener redirect = RedirectListener.open(port, state)) {
            URI link = new AuthorizationRequest(endpoint, settings.clientId(), redirect.redirectUri(),
                    settings.scope().orElse(null), state, pkce.challenge(), settings.parameters()).uri();
            newLogin.remember(settings);
            Instant deadline = clock.instant().plus(timeout);
            listener.browserReady(link, browser.open(link), deadline);
            RedirectListener.Arrival arrival;
            try {
                arrival = redirect.await(timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw NewLogin.cancelled();
            } catch (TimeoutException e) {
                throw new JLoginException(JLoginException.Kind.EXPIRED, "the browser did not come back within "
                        + timeout.toSeconds() + " seconds; the login was abandoned");
            }
            try {
                NewLogin.Approved approved = newLogin.keep(settings, metadata, LoginFlow.BROWSER,
                        exchange(settings, metadata, arrival.response(), redirect.redirectUri(), pkce), "the login was approved");
                arrival.succeeded();
                return approved;
            } catch (JLoginException e) {
                arrival.failed(e.kind() == JLoginException.Kind.DENIED ? "it was denied" : "see the terminal for why");
                throw e;
            }
        }
    }

    /** The tokens for a browser's answer, once the answer has passed every check. */
    private TokenSet exchange(Settings settings, ServerMetadata metadata, AuthorizationResponse response, URI redirectUri,
                              Pkce pkce) {
        Optional<OAuthError> error = response.error();
        if (error.isPresent()) {
            if (error.get().code().equals("access_denied")) {
                throw NewLogin.denied(error.get());
            }
            throw NewLogin.failed(settings, error.get());
        }
        Optional<String> issuerProblem = response.issuerProblem(metadata.issuer(), metadata.issParameterSupported());
        if (issuerProblem.isPresent()) {
            throw new JLoginException(JLoginException.Kind.SERVER, "the browser's answer was refused: " + issuerProblem.get());
        }
        return tokenEndpoint.exchangeCode(metadata.tokenEndpoint(), settings.client(), response.code().orElseThrow(() ->
                new JLoginException(JLoginException.Kind.SERVER, "the browser's answer holds no code")), redirectUri, pkce.verifier());
    }
}
