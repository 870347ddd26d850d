package dev.jlogin.json;

/** A JSON document that is unparseable or lacks a required, well-typed field. */
public final class MalformedJsonException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedJsonException(String message) {
        super(message);
    }
}
