package dev.jlogin.cli;

import dev.jlogin.cli.terminal.Format;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a command is, declared once: its name, one-line summary, what follows the name, a
 * paragraph of description, its own options, the shared {@link Options} groups it reads,
 * examples, and the exit codes it can end with. Parsing, {@code --help} and the launcher's command
 * list all come from this.
 */
public record CommandSpec(String name, String summary, String usage, String about, List<Option> options,
                          List<OptionGroup> groups, List<String> examples, int maxOperands, boolean takesCommand,
                          ExitCodes exitCodes) {
    static final Option HELP = Option.flag("help", "this text (also -h)");
    /** The narrowest common terminal: help and the login screen are wrapped to it, so no line breaks mid-word. */
    private static final int COLUMN = 27;

    public static CommandSpec of(String name, String summary) {
        return new CommandSpec(name, summary, "[options]", "", List.of(), List.of(), List.of(), 0, false,
                ExitCodes.DEFAULT);
    }

    /** What follows the command's name in the usage line, such as {@code [options] -- CMD [ARGS...]}. */
    public CommandSpec usage(String usage) {
        return new CommandSpec(name, summary, usage, about, options, groups, examples, maxOperands, takesCommand, exitCodes);
    }

    /** A paragraph for help, wrapped to the terminal's width. */
    public CommandSpec about(String about) {
        return new CommandSpec(name, summary, usage, about, options, groups, examples, maxOperands, takesCommand, exitCodes);
    }

    /** The command's own options. */
    public CommandSpec options(Option... own) {
        return new CommandSpec(name, summary, usage, about, List.of(own), groups, examples, maxOperands, takesCommand, exitCodes);
    }

    /** The shared groups of options the command reads. */
    public CommandSpec groups(OptionGroup... shared) {
        return new CommandSpec(name, summary, usage, about, options, List.of(shared), examples, maxOperands, takesCommand, exitCodes);
    }

    /** Command lines after the command's name (empty: the name alone), shown with the name the user runs it by. */
    public CommandSpec examples(String... lines) {
        return new CommandSpec(name, summary, usage, about, options, groups, List.of(lines), maxOperands, takesCommand, exitCodes);
    }

    /** How many arguments that are not options it takes (such as git-credential's action). */
    public CommandSpec operands(int max) {
        return new CommandSpec(name, summary, usage, about, options, groups, examples, max, takesCommand, exitCodes);
    }

    /** It takes a command line to run after {@code --}. */
    public CommandSpec takingCommand() {
        return new CommandSpec(name, summary, usage, about, options, groups, examples, maxOperands, true, exitCodes);
    }

    /** The exit codes it can end with besides 1 and 2, which any command can. */
    public CommandSpec exits(ExitCode... codes) {
        return exits("", codes);
    }

    /** As {@link #exits(ExitCode...)}, after {@code lead}: what else decides the status (exec: its command's). */
    public CommandSpec exits(String lead, ExitCode... codes) {
        return new CommandSpec(name, summary, usage, about, options, groups, examples, maxOperands, takesCommand,
                new ExitCodes(lead, java.util.Set.of(codes)));
    }

    /** Every option the command takes, its own first, then its groups', then --help. */
    public List<Option> allOptions() {
        List<Option> all = new ArrayList<>(options);
        for (OptionGroup group : groups) {
            all.addAll(group.options());
        }
        all.add(HELP);
        return all;
    }

    public Args parse(String[] argv) {
        Set<String> values = new HashSet<>();
        Set<String> switches = new HashSet<>();
        for (Option option : allOptions()) {
            (option.takesValue() ? values : switches).add(option.name());
        }
        return Args.parse(argv, values, switches, maxOperands, takesCommand);
    }

    /** The --help text, naming the command as the user runs it ({@code acme token}, {@code jbang token@acme}). */
    public String help(Invocation invocation) {
        String command = invocation.command(name);
        List<String> lines = new ArrayList<>();
        lines.addAll(Format.wrap("Usage: " + command + " " + usage, Format.WIDTH));
        lines.addAll(Format.wrap(about, Format.WIDTH));
        lines.add("");
        lines.add("Options:");
        Stream.concat(options.stream(), Stream.of(HELP)).forEach(o -> describe(o, lines));
        for (OptionGroup group : groups) {
            lines.add("");
            lines.addAll(Format.wrap(group.title() + ":", Format.WIDTH));
            group.options().forEach(o -> describe(o, lines));
            group.notes().forEach(note -> Format.wrap(note, Format.WIDTH - 2).forEach(l -> lines.add("  " + l)));
        }
        if (!examples.isEmpty()) {
            lines.add("");
            lines.add("Examples:");
            examples.forEach(e -> lines.add("  " + command + (e.isEmpty() ? "" : " " + e)));
        }
        lines.add("");
        lines.addAll(Format.wrap(exitCodes.help(), Format.WIDTH));
        return String.join("\n", lines);
    }

    /** "  --name VALUE   description", the description wrapped in its own column. */
    private static void describe(Option option, List<String> lines) {
        String left = "  " + option.synopsis();
        List<String> text = Format.wrap(option.description(), Format.WIDTH - COLUMN);
        if (left.length() >= COLUMN - 1) {
            lines.add(left);
        } else {
            lines.add(left + " ".repeat(COLUMN - left.length()) + text.remove(0));
        }
        text.forEach(t -> lines.add(" ".repeat(COLUMN) + t));
    }
}
