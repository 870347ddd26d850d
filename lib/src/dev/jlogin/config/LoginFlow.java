package dev.jlogin.config;

import dev.jlogin.JLoginException;
import java.time.Duration;
import java.util.Locale;

/**
 * How a new login is made: in a browser on this machine (authorization code with PKCE, RFC 8252),
 * with a code entered on any device (RFC 8628), or {@code auto}: the browser where one can be
 * opened here and the server offers it, else the device flow. Chosen with {@code --flow}
 * ({@code --browser}, {@code --device}), {@code JLOGIN_FLOW} or {@code jlogin.flow}.
 */
public enum LoginFlow {
    AUTO, BROWSER, DEVICE;

    /** How long a browser login waits for the browser to come back, unless {@code browser-timeout} says. */
    public static final Duration DEFAULT_BROWSER_TIMEOUT = Duration.ofMinutes(5);

    public static LoginFlow from(SettingSource source) {
        String value = source.get(Setting.FLOW).orElse("auto");
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new JLoginException(JLoginException.Kind.CONFIGURATION, source.name(Setting.FLOW)
                    + " takes auto, browser or device, not '" + value + "'");
        }
    }

    /** The browser login's wait for the browser. */
    public static Duration browserTimeout(SettingSource source) {
        Duration timeout = source.seconds(Setting.BROWSER_TIMEOUT).orElse(DEFAULT_BROWSER_TIMEOUT);
        if (timeout.isZero()) {
            throw new JLoginException(JLoginException.Kind.CONFIGURATION, source.name(Setting.BROWSER_TIMEOUT) + " must be at least 1 second");
        }
        return timeout;
    }

    /** Whether the browser login's callback is known: any port will do, or the registered one is given. */
    public static boolean callbackKnown(SettingSource source, Provider provider) {
        return !provider.fixedRedirectPort() || source.get(Setting.REDIRECT_PORT).isPresent();
    }

    /**
     * The loopback port for the browser's answer: {@code redirect-port} when the client is
     * registered with one, else 0 (the OS picks a free port), unless the provider matches ports
     * exactly, which makes the registered one required.
     */
    public static int redirectPort(SettingSource source, Provider provider) {
        String value = source.get(Setting.REDIRECT_PORT).orElse(null);
        if (value == null) {
            if (!callbackKnown(source, provider)) {
                throw new JLoginException(JLoginException.Kind.CONFIGURATION, "provider '" + provider.name() + "' matches the"
                        + " browser login's callback URL exactly, port included: " + source.howToGive(Setting.REDIRECT_PORT)
                        + ", the port of the callback http://127.0.0.1:PORT/callback registered for the client (or log in with"
                        + " the device flow: " + source.name(Setting.FLOW) + (source.name(Setting.FLOW).startsWith("--") ? " device)" : "=device)"));
            }
            return 0;
        }
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new JLoginException(JLoginException.Kind.CONFIGURATION, source.name(Setting.REDIRECT_PORT) + " takes a port, 1 to 65535");
    }
}
