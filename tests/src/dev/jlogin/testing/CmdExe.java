package dev.jlogin.testing;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model of cmd.exe running one of jlogin's {@code .cmd} launchers, and of how the java.exe it
 * starts splits its command line: given the file, the environment and the text of {@code %*}, it
 * says what java.exe receives, what is printed on stderr and the exit code. It understands only
 * the line forms the launcher writes and fails loudly (IllegalArgumentException) on anything
 * else, so it cannot agree with a launcher it does not understand.
 *
 * <p>What it reproduces, and where that is documented ({@code cmd /?}, {@code setlocal /?}, and
 * the widely cited description of cmd.exe's parsing phases, "How does the Windows Command
 * Interpreter (CMD.EXE) parse scripts?", Stack Overflow question 4094699):
 * <ul>
 * <li>A batch file is read and run a line at a time, each line expanded just before it runs (so
 *     {@code %ERRORLEVEL%} on the line after java.exe is its exit code).
 * <li>Phase 1, percent expansion, which happens inside double quotes too and is not repeated on
 *     its result: {@code %%} becomes {@code %}, {@code %*} the arguments as typed, {@code %NAME%} the
 *     variable's value (names in any case; {@code ERRORLEVEL}, unless the environment sets it, the
 *     last exit code) or nothing when it is not set.
 * <li>Phase 2: outside double quotes {@code ^} makes the next character literal and is removed, and
 *     {@code & | < >} are special; inside them everything is literal; the quotes stay.
 * <li>Delayed expansion of {@code !NAME!} (phase 5), which the registry can turn on for every
 *     cmd.exe, until {@code setlocal DisableDelayedExpansion} turns it off: the model does not
 *     expand {@code !}, and refuses to run a line holding one while it is on.
 * <li>{@code @echo off}, {@code rem}, {@code :label}, {@code goto}, {@code if not exist "FILE" goto
 *     LABEL}, {@code 1>&2 echo TEXT} (echo prints the rest of the line as phase 2 left it),
 *     {@code exit /b N}, and a program started by its quoted path.
 * <li>The started program gets the line as phase 2 left it, and java.exe splits it by the Microsoft
 *     C runtime's rules (Microsoft's "Parsing C++ command-line arguments"; the JDK's launcher
 *     parses its command line itself, in cmdtoargs.c, by the same rules): arguments are separated by
 *     spaces or tabs outside double quotes; backslashes are literal unless they precede a double
 *     quote; 2n backslashes and a quote give n backslashes and a delimiter, 2n+1 give n and a
 *     literal quote. The program's own name is everything up to the next quote.
 * </ul>
 *
 * <p>What it does not reproduce: code pages (the file must be ASCII, since cmd.exe would read
 * anything else in the console's code page); {@code if} beyond that one form, {@code for},
 * parenthesised blocks, {@code %~} and {@code %1} forms, {@code call}; a {@code ^} that continues
 * a line; {@code ""} inside quotes (whose meaning changed between C runtimes); the JDK launcher's
 * wildcard expansion of unquoted arguments; the command line's length limit.
 */
public final class CmdExe {
    private static final Pattern IF_NOT_EXIST = Pattern.compile("if not exist \"([^\"]*)\" goto (\\S+)");
    private static final Pattern EXIT = Pattern.compile("exit /b (\\d+)");
    private static final String TO_STDERR = "1>&2 echo ";

    private final Map<String, String> environment = new HashMap<>();
    private final boolean delayedExpansionByDefault;

    /** {@code delayedExpansionByDefault}: what the registry's DelayedExpansion value says. */
    public CmdExe(Map<String, String> environment, boolean delayedExpansionByDefault) {
        environment.forEach((name, value) -> this.environment.put(name.toUpperCase(Locale.ROOT), value));
        this.delayedExpansionByDefault = delayedExpansionByDefault;
    }

    /** What a run did: the program and arguments started (empty if none), stderr, the exit code. */
    public record Outcome(List<String> command, String stderr, int exit) {
    }

    /**
     * Runs {@code script} with {@code arguments} as {@code %*}; {@code exists} answers for files,
     * and a started program exits with {@code programExit}.
     */
    public Outcome run(String script, String arguments, Predicate<String> exists, int programExit) {
        List<String> lines = lines(script);
        Map<String, Integer> labels = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(":")) {
                labels.put(lines.get(i).substring(1).toLowerCase(Locale.ROOT), i);
            }
        }
        if (lines.isEmpty() || !lines.get(0).equals("@echo off")) {
            throw new IllegalArgumentException("the model needs '@echo off' first: cmd.exe would print every command");
        }
        boolean delayed = delayedExpansionByDefault;
        int errorLevel = 0;
        List<String> command = List.of();
        StringBuilder stderr = new StringBuilder();
        for (int next = 1; next < lines.size(); ) {
            String raw = lines.get(next++);
            if (raw.startsWith(":") || raw.equals("rem") || raw.startsWith("rem ")) {
                continue;
            }
            String expanded = percent(raw, arguments, errorLevel);
            if (delayed && expanded.indexOf('!') >= 0) {
                throw new IllegalArgumentException("delayed expansion is on and the line holds '!': " + raw);
            }
            Phase2 line = phase2(expanded);
            Matcher ifNotExist = IF_NOT_EXIST.matcher(line.text());
            Matcher exit = EXIT.matcher(line.text());
            if (line.text().equalsIgnoreCase("setlocal DisableDelayedExpansion")) {
                line.requireNoSpecial(0);
                delayed = false;
            } else if (ifNotExist.matches()) {
                line.requireNoSpecial(0);
                if (!exists.test(ifNotExist.group(1))) {
                    next = jump(labels, ifNotExist.group(2));
                }
            } else if (line.text().startsWith("goto ")) {
                line.requireNoSpecial(0);
                next = jump(labels, line.text().substring("goto ".length()));
            } else if (exit.matches()) {
                line.requireNoSpecial(0);
                return new Outcome(command, stderr.toString(), Integer.parseInt(exit.group(1)));
            } else if (line.text().startsWith(TO_STDERR)) {
                line.requireNoSpecial(TO_STDERR.length());
                stderr.append(line.text().substring(TO_STDERR.length())).append("\r\n");
            } else if (line.text().startsWith("\"")) {
                line.requireNoSpecial(0);
                command = commandLine(line.text());
                errorLevel = programExit;
            } else {
                throw new IllegalArgumentException("the model does not understand this line: " + raw);
            }
        }
        throw new IllegalArgumentException("the script ends without 'exit /b'");
    }

    private static List<String> lines(String script) {
        for (char c : script.toCharArray()) {
            if ((c < ' ' || c > '~') && c != '\r' && c != '\n') {
                throw new IllegalArgumentException("not printable ASCII (cmd.exe reads the file in the console's code page): "
                        + (int) c);
            }
        }
        if (!script.endsWith("\r\n") || script.replace("\r\n", "").indexOf('\r') >= 0
                || script.replace("\r\n", "").indexOf('\n') >= 0) {
            throw new IllegalArgumentException("lines must end with CRLF");
        }
        return List.of(script.split("\r\n"));
    }

    private static int jump(Map<String, Integer> labels, String label) {
        Integer line = labels.get(label.toLowerCase(Locale.ROOT));
        if (line == null) {
            throw new IllegalArgumentException("no label " + label);
        }
        return line + 1;
    }

    /** Phase 1 of a line in a batch file. */
    private String percent(String line, String arguments, int errorLevel) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            char after = i + 1 < line.length() ? line.charAt(i + 1) : 0;
            if (after == '%') {
                out.append('%');
                i++;
            } else if (after == '*') {
                out.append(arguments);
                i++;
            } else {
                int end = line.indexOf('%', i + 1);
                String name = end < 0 ? "" : line.substring(i + 1, end);
                if (name.isEmpty() || Character.isDigit(after) || after == '~' || name.contains(":")) {
                    throw new IllegalArgumentException("the model does not expand this use of '%': " + line);
                }
                String upper = name.toUpperCase(Locale.ROOT);
                out.append(environment.containsKey(upper) ? environment.get(upper)
                        : upper.equals("ERRORLEVEL") ? String.valueOf(errorLevel) : "");
                i = end;
            }
        }
        return out.toString();
    }

    /** A line after phase 2: its text, and which of its characters are special (unquoted, unescaped {@code & | < >}). */
    private record Phase2(String text, BitSet special) {
        void requireNoSpecial(int from) {
            if (special.nextSetBit(from) >= 0) {
                throw new IllegalArgumentException("the model does not run pipes, redirections or '&': " + text);
            }
        }
    }

    private static Phase2 phase2(String line) {
        StringBuilder text = new StringBuilder();
        BitSet special = new BitSet();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '^') {
                if (++i == line.length()) {
                    throw new IllegalArgumentException("a '^' that continues the line is not modelled: " + line);
                }
                c = line.charAt(i);
            } else if (!quoted && "&|<>".indexOf(c) >= 0) {
                special.set(text.length());
            }
            text.append(c);
        }
        return new Phase2(text.toString(), special);
    }

    /** The program (its quoted name) and the arguments java.exe makes of its command line. */
    private static List<String> commandLine(String line) {
        int close = line.indexOf('"', 1);
        if (close < 0) {
            throw new IllegalArgumentException("the program's name has no closing quote: " + line);
        }
        List<String> command = new ArrayList<>();
        command.add(line.substring(1, close));
        int i = close + 1;
        while (true) {
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            if (i == line.length()) {
                return command;
            }
            StringBuilder arg = new StringBuilder();
            boolean quoted = false;
            for (; i < line.length() && (quoted || line.charAt(i) != ' ' && line.charAt(i) != '\t'); i++) {
                char c = line.charAt(i);
                if (c == '\\') {
                    int slashes = 0;
                    while (i < line.length() && line.charAt(i) == '\\') {
                        slashes++;
                        i++;
                    }
                    boolean beforeQuote = i < line.length() && line.charAt(i) == '"';
                    arg.append("\\".repeat(beforeQuote ? slashes / 2 : slashes));
                    if (beforeQuote && slashes % 2 == 1) {
                        arg.append('"');
                    } else {
                        i--; // the quote, or the character after the backslashes, is read next
                    }
                } else if (c == '"') {
                    if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        throw new IllegalArgumentException("'\"\"' inside quotes is not modelled: " + line);
                    }
                    quoted = !quoted;
                } else {
                    arg.append(c);
                }
            }
            command.add(arg.toString());
        }
    }
}
