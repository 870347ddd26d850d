package dev.jlogin.session;

import dev.jlogin.Secret;
import dev.jlogin.http.HttpResult;
import dev.jlogin.http.HttpSender;
import dev.jlogin.oauth.Endpoints;
import java.net.URI;
import java.util.function.Function;
import java.util.function.Predicate;
import java.net.http.HttpRequest;

/**
 * Calls an API with the profile's access token, or the one it keeps for that API: each request gets
 * {@code Authorization: Bearer} with a token valid for at least a minute; on a 401 the token is
 * renewed (under the profile's lock) and the request sent once more. The token goes only to https URLs, or plain http on
 * loopback, as for the library's own endpoints; redirects are not followed, so it goes nowhere
 * else either. From {@link JLogin#http()} and {@link JLogin#http(dev.jlogin.oauth.TokenRequest)}.
 */
public final class AuthorizedHttp implements HttpSender {
    private final HttpSender transport;
    /** A valid token, other than those the predicate says the API refused. */
    private final Function<Predicate<Secret>, Secret> tokens;

    AuthorizedHttp(HttpSender transport, Function<Predicate<Secret>, Secret> tokens) {
        this.transport = transport;
        this.tokens = tokens;
    }

    /** Sends {@code request} with the bearer token (replacing any Authorization header it has). */
    @Override
    public HttpResult send(HttpRequest request) {
        Endpoints.require("the request's URL", request.uri());
        Secret token = tokens.apply(refused -> false);
        HttpResult result = transport.send(withBearer(request, token));
        if (result.status() != 401) {
            return result;
        }
        Secret renewed = tokens.apply(token::equals);
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
