package dev.jlogin.cli;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Puts text on the clipboard through the first clipboard tool that can work here. The text goes
 * to the tool's stdin, never its arguments, which every user of the machine can read.
 */
final class Clipboard {
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
    static Optional<String> copy(String text, Map<String, String> env) {
        for (Tool tool : TOOLS) {
            if (!tool.display().isEmpty() && env.getOrDefault(tool.display(), "").isEmpty()) {
                continue;
            }
            Optional<Path> found = onPath(tool.command().get(0), env.getOrDefault("PATH", ""));
            if (found.isPresent()) {
                return run(tool, found.get(), text, env);
            }
        }
        return Optional.of("no clipboard tool found (wl-copy, xclip, xsel, pbcopy or clip.exe, with its display)");
    }

    private static Optional<String> run(Tool tool, Path executable, String text, Map<String, String> env) {
        String name = tool.command().get(0);
        List<String> command = new ArrayList<>(tool.command());
        command.set(0, executable.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return Optional.of(name + " could not be run");
        }
        try (OutputStream in = process.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the tool stopped reading: its exit status tells why
        }
        try {
            if (!process.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroy();
                return Optional.of(name + " did not finish within " + Format.span(WAIT));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            return Optional.of("interrupted while " + name + " ran");
        }
        return process.exitValue() == 0 ? Optional.empty()
                : Optional.of(name + " failed (exit status " + process.exitValue() + ")");
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
