package dev.jlogin.session;

import dev.jlogin.Secret;
import dev.jlogin.http.HttpResult;
import dev.jlogin.http.HttpSender;
import dev.jlogin.oauth.Endpoints;
import java.net.URI;
import java.net.http.HttpRequest;

/**
 * Calls an API with the profile's access token: each request gets {@code Authorization: Bearer}
 * with a token valid for at least a minute; on a 401 the token is refreshed (under the profile's
 * lock) and the request sent once more. The token goes only to https URLs, or plain http on
 * loopback, as for the library's own endpoints; redirects are not followed, so it goes nowhere
 * else either. From {@link JLogin#http()}.
 */
public final class AuthorizedHttp implements HttpSender {
    private final HttpSender transport;
    private final TokenManager tokens;

    AuthorizedHttp(HttpSender transport, TokenManager tokens) {
        this.transport = transport;
        this.tokens = tokens;
    }

    /** Sends {@code request} with the bearer token (replacing any Authorization header it has). */
    @Override
    public HttpResult send(HttpRequest request) {
        Endpoints.require("the request's URL", request.uri());
        Secret token = tokens.valid(JLogin.DEFAULT_MIN_VALID).tokens().accessToken();
        HttpResult result = transport.send(withBearer(request, token));
        if (result.status() != 401) {
            return result;
        }
        Secret renewed = tokens.valid(JLogin.DEFAULT_MIN_VALID, token::equals).tokens().accessToken();
        return transport.send(withBearer(request, renewed));
    }

    /** GET {@code url}, accepting JSON. */
    public HttpResult get(String url) {
        return send(HttpSender.request(URI.create(url)).GET().build());
    }

    private static HttpRequest withBearer(HttpRequest request, Secret token) {
        return HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase("Authorization"))
                .header("Authorization", "Bearer " + token.reveal()).build();
    }
}
