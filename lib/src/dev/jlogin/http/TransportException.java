package dev.jlogin.http;

import dev.jlogin.JLoginException;

/** The server could not be reached or did not answer in time; worth retrying while polling. */
public final class TransportException extends JLoginException {
    private static final long serialVersionUID = 1L;

    public TransportException(String message) {
        super(Kind.SERVER, message);
    }
}
