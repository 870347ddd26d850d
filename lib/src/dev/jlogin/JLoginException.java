package dev.jlogin;

/**
 * Every failure the library reports. The message is one line for a person and never holds a
 * secret; {@link Kind} tells a caller (the scripts map it to an exit code) what went wrong.
 */
public class JLoginException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** Missing or invalid settings, or a server that refuses this client's configuration. */
        CONFIGURATION,
        /** No stored login, or the refresh token was rejected: the user must log in again. */
        LOGIN_REQUIRED,
        /** The user denied the authorization request. */
        DENIED,
        /** The device code expired, or the local deadline passed, before approval. */
        EXPIRED,
        /** The server could not be reached, failed, or answered something we cannot use. */
        SERVER,
        /** The token store could not be read, written or locked. */
        STORE,
        /** The user stopped the command (Ctrl-C while a login waited). */
        CANCELLED
    }

    private final Kind kind;

    public JLoginException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public JLoginException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
