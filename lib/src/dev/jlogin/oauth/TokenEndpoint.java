package dev.jlogin.oauth;

import dev.jlogin.JLoginException;
import dev.jlogin.Secret;
import dev.jlogin.http.HttpResult;
import dev.jlogin.http.HttpSender;
import dev.jlogin.http.TransportException;
import dev.jlogin.json.JsonObject;
import dev.jlogin.json.MalformedJsonException;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Token requests: the device-code grant (RFC 8628 §3.4), the authorization-code grant with its
 * PKCE verifier (RFC 6749 §4.1.3, RFC 7636 §4.5), refresh (RFC 6749 §6), and a token for another
 * API by token exchange (RFC 8693 §2.1) or by a refresh naming it (RFC 8707 §2.2).
 */
public final class TokenEndpoint {
    public static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    public static final String TOKEN_EXCHANGE_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
    private static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

    private static final java.util.Set<String> POLLING_ANSWERS = java.util.Set.of("authorization_pending", "slow_down");

    /** Refusals of a refresh token that mean "log in again": RFC 6749's, and GitHub's name for it. */
    private static final java.util.Set<String> LOGIN_AGAIN = java.util.Set.of("invalid_grant", "bad_refresh_token");

    private final HttpSender http;
    private final Clock clock;
    private final Dialect dialect;

    public TokenEndpoint(HttpSender http, Clock clock) {
        this(http, clock, Dialect.STANDARD);
    }

    public TokenEndpoint(HttpSender http, Clock clock, Dialect dialect) {
        this.http = http;
        this.clock = clock;
        this.dialect = dialect;
    }

    /** One poll. Never throws for a server that is down or slow: that is {@link TokenResult.Unavailable}. */
    public TokenResult pollDeviceCode(URI endpoint, Client client, Secret deviceCode) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", DEVICE_CODE_GRANT);
        form.put("device_code", deviceCode.reveal());
        client.authenticate(form);
        return exchange(endpoint, form);
    }

    /**
     * Trades the browser login's code for tokens. {@code redirectUri} must be the one the
     * authorization request named (§4.1.3); the verifier proves this process made that request.
     */
    public TokenSet exchangeCode(URI endpoint, Client client, Secret code, URI redirectUri, Secret verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code.reveal());
        form.put("redirect_uri", redirectUri.toString());
        form.put("code_verifier", verifier.reveal());
        client.authenticate(form);
        TokenResult result = exchange(endpoint, form);
        if (result instanceof TokenResult.Granted granted) {
            return granted.tokens();
        }
        if (result instanceof TokenResult.Rejected rejected) {
            throw new JLoginException(dialect.blamesConfiguration(rejected.error()) ? JLoginException.Kind.CONFIGURATION
                    : JLoginException.Kind.SERVER, "the server refused the login's code: " + dialect.explain(rejected.error()),
                    rejected.error().code(), rejected.status(), null);
        }
        throw new JLoginException(JLoginException.Kind.SERVER,
                "the login's code could not be exchanged: " + ((TokenResult.Unavailable) result).reason());
    }

    /**
     * Refreshes; the result inherits what the response omits, notably the refresh token.
     * A rejected refresh token ({@code invalid_grant}) means the user must log in again.
     */
    public TokenSet refresh(URI endpoint, Client client, TokenSet current) {
        Secret refreshToken = current.refreshToken().orElseThrow(() -> new JLoginException(
                JLoginException.Kind.LOGIN_REQUIRED, "the access token expired and there is no refresh token"));
        TokenResult result = refreshGrant(endpoint, client, refreshToken, Map.of());
        if (result instanceof TokenResult.Granted granted) {
            return granted.tokens().inheritingFrom(current);
        }
        if (result instanceof TokenResult.Rejected rejected) {
            throw refreshRejected(rejected, LOGIN_AGAIN.contains(rejected.error().code()) ? JLoginException.Kind.LOGIN_REQUIRED
                    : JLoginException.Kind.SERVER);
        }
        throw new JLoginException(JLoginException.Kind.SERVER,
                "refresh failed: " + ((TokenResult.Unavailable) result).reason());
    }

    /**
     * Trades the login's access token for one meant for {@code target} (RFC 8693 §2.1). A refusal
     * is a configuration matter (exit 2) whose message ends with {@code remedy}: only the
     * platform team can allow the exchange.
     */
    public TokenSet exchangeFor(URI endpoint, Client client, Secret subjectToken, TokenRequest target, String remedy) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", TOKEN_EXCHANGE_GRANT);
        form.put("subject_token", subjectToken.reveal());
        form.put("subject_token_type", ACCESS_TOKEN_TYPE);
        form.put("requested_token_type", ACCESS_TOKEN_TYPE);
        target.audience().ifPresent(a -> form.put("audience", a));
        target.resource().ifPresent(r -> form.put("resource", r));
        target.scope().ifPresent(s -> form.put("scope", s));
        client.authenticate(form);
        return targetToken(exchange(endpoint, form), target, remedy);
    }

    /**
     * A token for {@code target} from a refresh naming it in {@code parameters} (RFC 8707's
     * {@code resource}, a narrower {@code scope}, or the provider's own), with the refresh token
     * the server returned, if it rotated it. A rejected refresh token means "log in again";
     * any other refusal is a configuration matter ending with {@code remedy}.
     */
    public TokenSet refreshFor(URI endpoint, Client client, TokenSet login, Map<String, String> parameters,
                               TokenRequest target, String remedy) {
        Secret refreshToken = login.refreshToken().orElseThrow(() -> new JLoginException(JLoginException.Kind.CONFIGURATION,
                "a token for " + target.describe() + " is asked for with the login's refresh token, and this login has none; "
                        + remedy));
        TokenResult result = refreshGrant(endpoint, client, refreshToken, parameters);
        if (result instanceof TokenResult.Rejected rejected && LOGIN_AGAIN.contains(rejected.error().code())) {
            throw refreshRejected(rejected, JLoginException.Kind.LOGIN_REQUIRED);
        }
        return targetToken(result, target, remedy);
    }

    /** The refresh-token grant (RFC 6749 §6), with {@code parameters} that name what the token is for. */
    private TokenResult refreshGrant(URI endpoint, Client client, Secret refreshToken, Map<String, String> parameters) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken.reveal());
        form.putAll(parameters);
        client.authenticate(form);
        return exchange(endpoint, form);
    }

    private JLoginException refreshRejected(TokenResult.Rejected rejected, JLoginException.Kind kind) {
        return new JLoginException(kind, "refresh rejected: " + dialect.explain(rejected.error()), rejected.error().code(),
                rejected.status(), null);
    }

    private TokenSet targetToken(TokenResult result, TokenRequest target, String remedy) {
        if (result instanceof TokenResult.Granted granted) {
            return granted.tokens();
        }
        if (result instanceof TokenResult.Rejected rejected) {
            // the remedy first: a long answer from the server is cut, never what to do
            throw new JLoginException(JLoginException.Kind.CONFIGURATION, "the server refused a token for " + target.describe()
                    + "; " + remedy + " (the server said " + dialect.explain(rejected.error()) + ")", rejected.error().code(), rejected.status(), null);
        }
        throw new JLoginException(JLoginException.Kind.SERVER, "no token for " + target.describe() + ": "
                + ((TokenResult.Unavailable) result).reason());
    }

    private TokenResult exchange(URI endpoint, Map<String, String> form) {
        HttpResult response;
        try {
            response = http.postForm(endpoint, form);
        } catch (TransportException e) {
            return new TokenResult.Unavailable(e.getMessage(), Optional.empty());
        }
        JsonObject json;
        try {
            json = JsonObject.parse(response.body());
        } catch (MalformedJsonException e) {
            if (response.isTransient()) {
                return new TokenResult.Unavailable("HTTP " + response.status(), response.retryAfter());
            }
            throw new JLoginException(JLoginException.Kind.SERVER, NotJson.describe("token endpoint", response, e));
        }
        // the error is read from the body whatever the status: GitHub sends errors with 200, Auth0 with 403/429
        Optional<OAuthError> error = OAuthError.from(json);
        if (error.isPresent()) {
            // 429 is a rate limit unless it carries a polling answer (Auth0 sends slow_down with 429)
            if (response.status() >= 500 || (response.status() == 429 && !POLLING_ANSWERS.contains(error.get().code()))) {
                return new TokenResult.Unavailable("HTTP " + response.status() + " " + error.get().code(), response.retryAfter());
            }
            return new TokenResult.Rejected(error.get(), response.status());
        }
        if (response.isTransient()) {
            return new TokenResult.Unavailable("HTTP " + response.status(), response.retryAfter());
        }
        if (!response.isSuccess()) {
            throw new JLoginException(JLoginException.Kind.SERVER, "token endpoint answered HTTP " + response.status());
        }
        try {
            return new TokenResult.Granted(TokenSet.fromResponse(json, clock, http.log(), dialect));
        } catch (MalformedJsonException e) {
            throw new JLoginException(JLoginException.Kind.SERVER, "token response is malformed: " + e.getMessage(), e);
        }
    }
}
