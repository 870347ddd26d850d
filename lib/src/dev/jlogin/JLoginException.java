package dev.jlogin;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Every failure the library reports. The message is one line for a person and never holds a
 * secret; {@link #kind()} tells a caller what went wrong (the scripts map it to an exit code),
 * and {@link #oauthError()} the server's OAuth error code when the failure is one, as
 * golang.org/x/oauth2's {@code RetrieveError} does: a program can act on {@code invalid_grant}
 * or {@code access_denied} without parsing the message. The HTTP status and the cause, where there
 * are ones, are kept for {@code --verbose} and for callers; neither ever holds a secret.
 */
public class JLoginException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The classes of failure; each has its exit code in the README's table. */
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
    private final String oauthError;
    private final int httpStatus;

    public JLoginException(Kind kind, String message) {
        this(kind, message, null, 0, null);
    }

    /** A failure because of {@code cause} (an I/O error, a malformed answer), kept for {@code --verbose}. */
    public JLoginException(Kind kind, String message, Throwable cause) {
        this(kind, message, null, 0, cause);
    }

    /** A failure the server reported with the OAuth error code {@code oauthError} (RFC 6749 §5.2). */
    public JLoginException(Kind kind, String message, String oauthError) {
        this(kind, message, oauthError, 0, null);
    }

    /**
     * A failure the server reported: its OAuth error code, if any, and the HTTP status of its
     * answer (0 when there was none); {@code cause} may be null.
     */
    public JLoginException(Kind kind, String message, String oauthError, int httpStatus, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.oauthError = oauthError;
        this.httpStatus = httpStatus;
    }

    /** What kind of failure this is; the scripts' exit code follows from it. */
    public Kind kind() {
        return kind;
    }

    /** The server's OAuth error code ({@code invalid_grant}, {@code access_denied}, ...), when the server sent one. */
    public Optional<String> oauthError() {
        return Optional.ofNullable(oauthError);
    }

    /** The HTTP status of the server's answer behind this failure, when there was one. */
    public OptionalInt httpStatus() {
        return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }
}
