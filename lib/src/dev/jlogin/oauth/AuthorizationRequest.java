package dev.jlogin.oauth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The browser login's authorization request (RFC 6749 §4.1.1 with RFC 7636's challenge): the link
 * the browser opens. It carries the state and the PKCE challenge, never the verifier or a secret.
 *
 * @param endpoint    the authorization endpoint; a query it has is kept (RFC 6749 §3.1)
 * @param clientId    the client (no secret: the link is seen by the browser and its history)
 * @param redirectUri where the server sends the browser back: the loopback listener
 * @param scope       the scopes to ask for, or null to send none
 * @param state       the value the answer must carry back
 * @param challenge   the PKCE challenge ({@link Pkce#METHOD})
 * @param parameters  extra parameters, as for the device request (Auth0's {@code audience})
 */
public record AuthorizationRequest(URI endpoint, String clientId, URI redirectUri, String scope, String state,
                                   String challenge, Map<String, String> parameters) {

    public AuthorizationRequest {
        parameters = Map.copyOf(parameters);
    }

    /** A fresh state: 32 random bytes, base64url, so no other page or process can guess it. */
    public static String newState(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64Url.encode(bytes);
    }

    public URI uri() {
        Map<String, String> query = new LinkedHashMap<>(parameters);
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri.toString());
        if (scope != null && !scope.isBlank()) {
            query.put("scope", scope);
        }
        query.put("state", state);
        query.put("code_challenge", challenge);
        query.put("code_challenge_method", Pkce.METHOD);
        String encoded = query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String base = endpoint.toString();
        int fragment = base.indexOf('#');
        if (fragment >= 0) {
            base = base.substring(0, fragment);
        }
        return URI.create(base + (endpoint.getRawQuery() == null ? "?" : "&") + encoded);
    }
}
