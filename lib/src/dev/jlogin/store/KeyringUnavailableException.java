package dev.jlogin.store;

import java.io.IOException;

/** The keyring cannot be used right now: no daemon, no session bus, locked, or not answering. */
public final class KeyringUnavailableException extends IOException {
    private static final long serialVersionUID = 1L;

    public KeyringUnavailableException(String message) {
        super(message);
    }
}
