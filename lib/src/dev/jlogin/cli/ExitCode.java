package dev.jlogin.cli;

import dev.jlogin.JLoginException;

/** The scripts' exit codes; the README documents the same table. */
public enum ExitCode {
    OK(0),
    UNEXPECTED(1),
    /** {@code status} found a profile with a problem (as {@code gh auth status} reports it). */
    PROBLEM(1),
    USAGE(2),
    LOGIN_REQUIRED(3),
    DENIED(4),
    EXPIRED(5),
    SERVER(6),
    STORE(7),
    /** 128 + SIGINT, as a shell reports a command ended by Ctrl-C. */
    CANCELLED(130);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The constant for a process exit status that one of these produced. */
    public static ExitCode of(int code) {
        for (ExitCode exit : values()) {
            if (exit.code == code) {
                return exit;
            }
        }
        return UNEXPECTED;
    }

    public static ExitCode of(JLoginException.Kind kind) {
        switch (kind) {
            case CONFIGURATION:
                return USAGE;
            case LOGIN_REQUIRED:
                return LOGIN_REQUIRED;
            case DENIED:
                return DENIED;
            case EXPIRED:
                return EXPIRED;
            case SERVER:
                return SERVER;
            case STORE:
                return STORE;
            case CANCELLED:
                return CANCELLED;
            default:
                return UNEXPECTED;
        }
    }
}
