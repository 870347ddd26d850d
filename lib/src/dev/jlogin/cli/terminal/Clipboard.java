package dev.jlogin.cli.terminal;

import dev.jlogin.Subprocess;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Puts text on the clipboard through the first clipboard tool that can work here. The text goes
 * to the tool's stdin, never its arguments, which every user of the machine can read.
 */
public final class Clipboard {
    /** A tool, and the display it needs (empty: none). */
    private record Tool(List<String> command, String display) {
    }

    private static final List<Tool> TOOLS = List.of(
            new Tool(List.of("wl-copy"), "WAYLAND_DISPLAY"),
            new Tool(List.of("xclip", "-selection", "clipboard"), "DISPLAY"),
            new Tool(List.of("xsel", "--clipboard", "--input"), "DISPLAY"),
            new Tool(List.of("pbcopy"), ""),
            new Tool(List.of("clip.exe"), ""));
    /** The tools hand the text to a process of their own and end within a moment. */
    private static final Duration WAIT = Duration.ofSeconds(3);

    private Clipboard() {
    }

    /** Copies {@code text}; empty when it worked, else why not (a clause for a person). */
    public static Optional<String> copy(String text, Map<String, String> env) {
        List<Tool> withoutDisplay = new ArrayList<>();
        for (Tool tool : TOOLS) {
            Optional<Path> found = onPath(tool.command().get(0), env.getOrDefault("PATH", ""));
            if (found.isEmpty()) {
                continue;
            }
            if (!tool.display().isEmpty() && env.getOrDefault(tool.display(), "").isEmpty()) {
                withoutDisplay.add(tool);
                continue;
            }
            return run(tool, found.get(), text, env);
        }
        if (!withoutDisplay.isEmpty()) {
            return Optional.of(noDisplay(withoutDisplay));
        }
        return Optional.of("no clipboard tool found (wl-copy, xclip, xsel, pbcopy or clip.exe)");
    }

    /** Installed tools that cannot work for lack of a display: "no tool found" would send the user looking for one. */
    private static String noDisplay(List<Tool> tools) {
        List<String> names = tools.stream().map(t -> t.command().get(0)).toList();
        List<String> displays = tools.stream().map(Tool::display).distinct().toList();
        String listed = names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        return listed + (names.size() == 1 ? " is" : " are") + " installed, but there is no display ("
                + (displays.size() == 1 ? displays.get(0) + " is not set" : "neither " + String.join(" nor ", displays) + " is set")
                + ")";
    }

    private static Optional<String> run(Tool tool, Path executable, String text, Map<String, String> env) {
        String name = tool.command().get(0);
        List<String> command = new ArrayList<>(tool.command());
        command.set(0, executable.toString());
        // its output is discarded: xclip and xsel leave a process behind that serves the selection
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        return Subprocess.problem(name, Subprocess.run(builder, text.getBytes(StandardCharsets.UTF_8), WAIT, true),
                name + " could not be run", name + " did not finish within " + Format.span(WAIT));
    }

    private static Optional<Path> onPath(String name, String path) {
        for (String dir : path.split(Pattern.quote(File.pathSeparator))) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
