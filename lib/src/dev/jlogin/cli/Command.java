package dev.jlogin.cli;

import java.util.Set;

/** One script's behaviour. {@link Cli} parses options, handles --help and errors, and exits. */
public interface Command {
    /** Options every command takes: where to log in, and how to talk. */
    Set<String> COMMON_VALUES = Set.of("provider", "issuer", "client-id", "scope", "profile", "audience", "param",
            "device-endpoint", "token-endpoint", "revocation-endpoint", "userinfo-endpoint", "store", "ca-file");
    Set<String> COMMON_SWITCHES = Set.of("json", "verbose", "help");

    String name();

    /** Whether the command talks to an authorization server and so takes the common login options. */
    default boolean takesLoginSettings() {
        return true;
    }

    /** The --help text, without the common options (appended by {@link Cli}). */
    String usage();

    default Set<String> valueOptions() {
        return Set.of();
    }

    default Set<String> switches() {
        return Set.of();
    }

    /** How many arguments that are not options it takes (such as git-credential's action). */
    default int maxOperands() {
        return 0;
    }

    /** Whether it takes a command line to run after {@code --}. */
    default boolean takesCommand() {
        return false;
    }

    ExitCode run(Context context);

    /**
     * The process's exit status: one of {@link ExitCode}, except for a command that ends with
     * another program's status (exec), which overrides this.
     */
    default int exitStatus(Context context) {
        return run(context).code();
    }
}
