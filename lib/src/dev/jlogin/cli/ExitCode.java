package dev.jlogin.cli;

import dev.jlogin.JLoginException;

/** The scripts' exit codes; the README documents the same table. */
public enum ExitCode {
    OK(0, "ok"),
    UNEXPECTED(1, "unexpected error"),
    /** {@code status} found a profile with a problem (as {@code gh auth status} reports it). */
    PROBLEM(1, "some profile has a problem"),
    USAGE(2, "usage or configuration error"),
    LOGIN_REQUIRED(3, "login required"),
    DENIED(4, "denied by the user"),
    EXPIRED(5, "code expired or login timed out"),
    SERVER(6, "network or server error"),
    STORE(7, "token store error"),
    /** 128 + SIGINT, as a shell reports a command ended by Ctrl-C. */
    CANCELLED(130, "login cancelled (Ctrl-C)");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    /** A few words for help's list of exit codes. */
    public String meaning() {
        return meaning;
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
        // a switch expression: a new kind does not compile until it has its exit code
        return switch (kind) {
            case CONFIGURATION -> USAGE;
            case LOGIN_REQUIRED -> LOGIN_REQUIRED;
            case DENIED -> DENIED;
            case EXPIRED -> EXPIRED;
            case SERVER -> SERVER;
            case STORE -> STORE;
            case CANCELLED -> CANCELLED;
        };
    }
}
