package dev.jlogin.device;

import dev.jlogin.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * A device authorization response (RFC 8628 §3.2). The device code is a secret: it is only ever
 * sent back to the token endpoint, never shown. {@code message} is the instruction Entra sends
 * for the user, in the user's language: server text, to be sanitised before it is shown.
 */
public record DeviceAuthorization(Secret deviceCode, String userCode, URI verificationUri,
                                  Optional<URI> verificationUriComplete, Duration expiresIn, Duration interval,
                                  Optional<String> message) {

    /** RFC 8628 §3.2: "If no value is provided, clients MUST use 5 as the default." */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    /** Longer intervals, from the server or its slow_down, are taken as this. */
    public static final Duration MAX_INTERVAL = Duration.ofMinutes(5);
    /** Longer code lifetimes are taken as this: nobody waits more than an hour at a login prompt. */
    public static final Duration MAX_LIFETIME = Duration.ofHours(1);

    /** A response without a message for the user, as RFC 8628 defines it. */
    public DeviceAuthorization(Secret deviceCode, String userCode, URI verificationUri,
                               Optional<URI> verificationUriComplete, Duration expiresIn, Duration interval) {
        this(deviceCode, userCode, verificationUri, verificationUriComplete, expiresIn, interval, Optional.empty());
    }

    /** The link to open: the pre-filled one when the server offers it. */
    public URI linkToOpen() {
        return verificationUriComplete.orElse(verificationUri);
    }
}
