package dev.jlogin.oauth;

import dev.jlogin.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * A device authorization response (RFC 8628 §3.2). The device code is a secret: it is only ever
 * sent back to the token endpoint, never shown.
 */
public record DeviceAuthorization(Secret deviceCode, String userCode, URI verificationUri,
                                  Optional<URI> verificationUriComplete, Duration expiresIn, Duration interval) {

    /** RFC 8628 §3.2: "If no value is provided, clients MUST use 5 as the default." */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    /** The link to open: the pre-filled one when the server offers it. */
    public URI linkToOpen() {
        return verificationUriComplete.orElse(verificationUri);
    }
}
