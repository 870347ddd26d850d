package dev.jlogin.cli;

/** One script's behaviour. {@link Cli} parses options, handles --help and errors, and exits. */
public interface Command {
    /** Its name, options and help, declared once. */
    CommandSpec spec();

    default String name() {
        return spec().name();
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
