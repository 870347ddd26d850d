package dev.jlogin.oauth;

import dev.jlogin.JLoginException;
import dev.jlogin.http.Loopback;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Checks endpoint URLs. Tokens and device codes travel to these, so plain HTTP is allowed only
 * to the loopback interface (a local IdP such as the sandbox); everything else needs HTTPS.
 */
public final class Endpoints {
    private Endpoints() {
    }

    public static URI parse(String what, String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new JLoginException(JLoginException.Kind.CONFIGURATION, what + " is not a valid URL");
        }
        return require(what, uri);
    }

    public static URI require(String what, URI uri) {
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new JLoginException(JLoginException.Kind.CONFIGURATION, what + " must be an absolute URL");
        }
        String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (scheme.equals("https") || (scheme.equals("http") && Loopback.is(uri.getHost()))) {
            return uri;
        }
        throw new JLoginException(JLoginException.Kind.CONFIGURATION,
                what + " must use https (plain http is allowed only for localhost): " + uri.getScheme() + "://" + uri.getHost());
    }
}
