package dev.jlogin.session;

import dev.jlogin.JLoginException;
import dev.jlogin.config.Settings;
import dev.jlogin.oauth.ServerMetadata;
import dev.jlogin.oauth.TokenEndpoint;
import dev.jlogin.oauth.TokenRequest;
import dev.jlogin.oauth.TokenSet;
import dev.jlogin.store.StoredLogin;
import java.util.Map;
import java.util.Optional;

/**
 * How a token for another API is obtained from a login, as the settings' provider says: by token
 * exchange (RFC 8693) where the server offers it, else by a refresh that names the API. Where
 * neither can ask for it, one line saying so (exit 2): the login's own token is never handed
 * out in its place.
 */
final class TargetGrant {
    private final Settings settings;
    private final ServerMetadata server;
    private final TokenEndpoint endpoint;
    private final boolean exchange;

    TargetGrant(Settings settings, ServerMetadata server, TokenEndpoint endpoint) {
        this.settings = settings;
        this.server = server;
        this.endpoint = endpoint;
        this.exchange = settings.provider().exchangesTokens(server);
    }

    /** Whether the login's access token is sent (so must be valid): token exchange's subject token. */
    boolean spendsAccessToken() {
        return exchange;
    }

    /**
     * The server's answer for {@code target}: with a refresh, it may carry a new refresh token
     * for the login (a rotation), which the caller must keep.
     */
    TokenSet obtain(StoredLogin login, TokenRequest target) {
        String remedy = settings.provider().targetRemedy(settings.clientId(), exchange);
        if (exchange) {
            return endpoint.exchangeFor(server.tokenEndpoint(), settings.client(), login.tokens().accessToken(), target, remedy);
        }
        Optional<Map<String, String>> parameters = settings.provider().targetRefresh(target);
        if (parameters.isEmpty()) {
            throw new JLoginException(JLoginException.Kind.CONFIGURATION, "no token for " + target.describe() + ": "
                    + settings.provider().noTargetGrant(target, settings.clientId()));
        }
        return endpoint.refreshFor(server.tokenEndpoint(), settings.client(), login.tokens(), parameters.get(), target, remedy);
    }
}
