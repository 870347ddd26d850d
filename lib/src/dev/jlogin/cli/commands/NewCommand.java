package dev.jlogin.cli.commands;

import dev.jlogin.JLoginException;
import dev.jlogin.cli.Args;
import dev.jlogin.cli.Command;
import dev.jlogin.cli.CommandSpec;
import dev.jlogin.cli.Context;
import dev.jlogin.cli.ExitCode;
import dev.jlogin.cli.Invocation;
import dev.jlogin.cli.Option;
import dev.jlogin.cli.terminal.Terminal;
import dev.jlogin.config.Audiences;
import dev.jlogin.config.Setting;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * {@code new}: writes a runbook (a JBang script) or a notebook (a JShell script) that uses the
 * library, logs in when there is no login yet and calls APIs. A JBang template cannot do this
 * well: it is not told where its catalog is, so it cannot name the library of the clone it comes
 * from, and it has no way to write a value as a Java string. This command knows both: the
 * library is the clone's own {@code lib/JLogin.java} by its absolute path (so the file runs from
 * any folder), or the one a published catalog names in {@code jlogin.library}; the issuer and
 * client id are written as Java string literals, so no value can break or add to the code.
 */
public final class NewCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.of("new", "write a runbook or notebook that logs in and calls APIs")
            .usage("runbook|notebook FILE [options]")
            .about("Writes FILE: a runbook (a JBang script, FILE.java) or a notebook (a JShell script, FILE.jsh)"
                    + " that logs in with the device flow when there is no login yet, then calls the API URLs it is"
                    + " given with a valid access token. The issuer and client id are written into the file (JLOGIN_*"
                    + " variables override them when it runs). The file uses the library of the clone of jlogin this"
                    + " runs from, by its absolute path, or the catalog's jlogin.library, so it runs from any folder.")
            .options(
                    Option.value("issuer", "URL", "the issuer the file logs in to (JLOGIN_ISSUER, jlogin.issuer)"),
                    Option.value("client-id", "ID", "the OAuth client id (JLOGIN_CLIENT_ID, jlogin.client-id)"),
                    Option.of(Setting.LIBRARY),
                    Option.flag("force", "replace FILE if it exists"))
            .operands(2)
            .examples("runbook my_task.java --client-id acme-cli", "notebook my_notes.jsh --issuer https://idp.acme.com");
    /** The settings a file is given, in the order it lists them. */
    private static final List<Setting> SETTINGS = List.of(Setting.ISSUER, Setting.CLIENT_ID, Setting.AUDIENCES);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(library|json|name|file|settings|program|apis)\\}");
    /** What runbooks and notebooks read APIs' JSON with; jlogin's own strict reader is for the protocol. */
    static final String JSON_LIBRARY = "com.fasterxml.jackson.jr:jackson-jr-objects:2.21.4";
    /** A notebook's name goes into a comment: letters, digits, '.', '_' and '-' only. */
    private static final Pattern NOTEBOOK_NAME = Pattern.compile("[\\p{L}\\p{N}._-]+");

    /** What can be written, each with its extension and its text. */
    private enum Kind {
        RUNBOOK(".java", "\n                    ", """
                ///usr/bin/env jbang "$0" "$@" ; exit $?
                //JAVA 17+
                //DEPS {library}
                //DEPS {json}

                import com.fasterxml.jackson.jr.ob.JSON;
                import dev.jlogin.JLoginException;
                import dev.jlogin.cli.Steps;
                import dev.jlogin.oauth.TokenRequest;
                import dev.jlogin.session.*;

                /**
                 * {name}: a runbook that acts as the person running it. It logs in with the device flow when
                 * there is no login yet, then calls APIs with a valid access token. JLOGIN_* variables override
                 * the settings below, as for the jlogin scripts. A failure of jlogin's ends it with one line and
                 * the exit code the jlogin scripts use.
                 */
                class {name} {

                    public static void main(String[] args) throws Exception {
                        Steps.of({program}).run(() -> {
                            JLogin jl = JLogin.builder(){settings}
                                    .build();
                            Login who;
                            try {
                                who = jl.whoami();
                            } catch (JLoginException e) {
                                if (e.kind() != JLoginException.Kind.LOGIN_REQUIRED) {
                                    throw e;
                                }
                                who = jl.login();
                            }
                            System.out.println("Running as " + who);

                            // Your steps here, e.g. one API call per argument:
                            for (String url : args) {
                                var response = jl.http().get(url);
                                System.out.println(url + " answered " + response.status() + ": " + response.body());
                                // a JSON body as a Map (jackson-jr): JSON.std.mapFrom(response.body()).get("name")
                            }
                            {apis}
                        });
                    }
                }
                """),
        NOTEBOOK(".jsh", "", """
                //DEPS {library}
                //DEPS {json}
                // {name}: a JShell notebook on your organisation's login. Run it with `jbang {file}`, or
                // explore it step by step with `jbang --interactive {file}`. JLOGIN_* variables override the
                // settings below. A step that fails ends the notebook with one line and the exit code the
                // jlogin scripts use.
                import com.fasterxml.jackson.jr.ob.JSON;
                import dev.jlogin.*;
                import dev.jlogin.cli.Steps;
                import dev.jlogin.oauth.TokenRequest;
                import dev.jlogin.session.*;

                var jl = JLogin.builder(){settings}.build();
                var step = Steps.of({program});

                // Log in only when needed: the link and code appear below.
                Login who = step.run(() -> {
                    try {
                        return jl.whoami();
                    } catch (JLoginException e) {
                        if (e.kind() != JLoginException.Kind.LOGIN_REQUIRED) {
                            throw e;
                        }
                        return jl.login();
                    }
                });
                System.out.println("Logged in as " + who);

                // Call APIs with the token: one per argument.
                for (String url : args) {
                    var response = step.run(() -> jl.http().get(url));
                    System.out.println(url + " answered " + response.status() + ": " + response.body());
                    // a JSON body as a Map (jackson-jr): JSON.std.mapFrom(response.body()).get("name")
                }
                {apis}
                """);

        final String extension;
        /** What comes before each {@code .property(...)}: a line of its own in a runbook. */
        final String settingBreak;
        final String text;

        Kind(String extension, String settingBreak, String text) {
            this.extension = extension;
            this.settingBreak = settingBreak;
            this.text = text;
        }
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public ExitCode run(Context ctx) {
        List<String> operands = ctx.args().operands();
        if (operands.size() < 2) {
            throw Args.usage("say what to write and where, such as: runbook my_task.java");
        }
        Kind kind = kind(operands.get(0));
        String typed = operands.get(1).endsWith(kind.extension) ? operands.get(1) : operands.get(1) + kind.extension;
        Path file = path(typed);
        String name = file.getFileName().toString();
        name = name.substring(0, name.length() - kind.extension.length());
        checkName(kind, name, typed);
        Invocation invocation = Invocation.of(ctx.env());
        String text = render(kind, Map.of("library", library(ctx, invocation), "name", name, "file", file.getFileName().toString(),
                "program", javaString(name), "settings", settings(ctx, kind), "apis", apis(ctx, kind), "json", JSON_LIBRARY));
        write(file, text, ctx.args().has("force"));

        PrintStream out = ctx.env().out();
        String jbang = Invocation.quote(invocation.jbang());
        out.println("Wrote " + Terminal.sanitize(typed) + " (a " + kind.name().toLowerCase(Locale.ROOT)
                + "). Run it, with API URLs to call as arguments:");
        out.println("  " + jbang + " " + Terminal.sanitize(Invocation.quote(typed)));
        if (kind == Kind.NOTEBOOK) {
            out.println("or step by step in JShell:");
            out.println("  " + jbang + " --interactive " + Terminal.sanitize(Invocation.quote(typed)));
        }
        return ExitCode.OK;
    }

    private static Kind kind(String word) {
        for (Kind kind : Kind.values()) {
            if (kind.name().toLowerCase(Locale.ROOT).equals(word)) {
                return kind;
            }
        }
        throw Args.usage("'" + Terminal.sanitize(word) + "' is not something new writes: runbook or notebook");
    }

    private static Path path(String typed) {
        try {
            return Path.of(typed);
        } catch (InvalidPathException e) {
            throw Args.usage("'" + Terminal.sanitize(typed) + "' is not a file name here");
        }
    }

    /** JBang makes a runbook's file name its class name; a notebook's name only goes into a comment. */
    private static void checkName(Kind kind, String name, String typed) {
        if (kind == Kind.RUNBOOK && !SourceVersion.isName(name)) {
            throw Args.usage("a runbook's name is its Java class name, and '" + Terminal.sanitize(name) + "' is not one:"
                    + " try " + name.replaceAll("[^A-Za-z0-9_]", "_") + ".java");
        }
        if (kind == Kind.NOTEBOOK && !NOTEBOOK_NAME.matcher(name).matches()) {
            throw Args.usage("a notebook's name takes letters, digits, '.', '_' and '-' only: '" + Terminal.sanitize(typed) + "'");
        }
    }

    /**
     * The library for the file's {@code //DEPS} line: as given (a relative path made absolute, so
     * that the file may move), else the clone's. A {@code //DEPS} line ends at a space.
     */
    private static String library(Context ctx, Invocation invocation) {
        String library = ctx.source().get(Setting.LIBRARY).map(given -> given.contains("://") ? given : absolute(given))
                .or(() -> invocation.repository().map(clone -> absolute(clone.resolve("lib").resolve("JLogin.java").toString())))
                .orElseThrow(() -> new JLoginException(JLoginException.Kind.CONFIGURATION, "which jlogin library should"
                        + " the file use? Run this from a clone of jlogin (./jbang new@jbang-catalog.json ...), or give"
                        + " --library the lib/JLogin.java of a jlogin release (a catalog sets it in jlogin.library)"));
        if (library.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw Args.usage("the library's path '" + Terminal.sanitize(library) + "' has a space, which a //DEPS line"
                    + " cannot hold; give --library a path or URL without one");
        }
        return library;
    }

    /** An absolute path with '/' between names, as JBang takes it everywhere (a '\' could start a Java escape). */
    private static String absolute(String path) {
        return Path.of(path).toAbsolutePath().normalize().toString().replace('\\', '/');
    }

    /**
     * A commented call per API the organisation names (jlogin.audiences), each with the token for
     * it, else one for an API of the reader's choosing; indented as the lines around it.
     */
    private static String apis(Context ctx, Kind kind) {
        String indent = kind == Kind.RUNBOOK ? " ".repeat(28) : "";
        StringBuilder lines = new StringBuilder("// Another API, with a token of its own (token exchange or a refresh naming it):");
        var named = Audiences.from(ctx.source()).asMap().keySet();
        for (String name : named.isEmpty() ? List.of("AUDIENCE") : named) {
            lines.append('\n').append(indent).append("// jl.http(TokenRequest.audience(").append(javaString(name))
                    .append(")).get(\"https://...\")");
        }
        return lines.toString();
    }

    /**
     * The issuer, client id and the APIs' audiences, each as {@code .property("issuer", "...")}: a
     * JLOGIN_* variable still overrides it.
     */
    private static String settings(Context ctx, Kind kind) {
        StringBuilder chain = new StringBuilder();
        for (Setting setting : SETTINGS) {
            ctx.source().get(setting).ifPresent(value -> chain.append(kind.settingBreak).append(".property(")
                    .append(javaString(setting.key())).append(", ").append(javaString(value)).append(')'));
        }
        return chain.toString();
    }

    private static String render(Kind kind, Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher(kind.text);
        return placeholder.replaceAll(m -> Matcher.quoteReplacement(values.get(m.group(1))));
    }

    /**
     * {@code value} as a Java (and JShell) string literal that holds exactly it. Line breaks and
     * other control characters become escapes, and so does everything beyond ASCII: a file read
     * in another encoding than it was written in still compiles to the same string. Unicode
     * escapes are never used for a line break, as the compiler turns them into one before it reads
     * the string.
     */
    static String javaString(String value) {
        StringBuilder literal = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> literal.append("\\\"");
                case '\\' -> literal.append("\\\\");
                case '\n' -> literal.append("\\n");
                case '\r' -> literal.append("\\r");
                case '\t' -> literal.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        literal.append(String.format("\\%03o", (int) c));
                    } else if (c > 0x7e) {
                        literal.append(String.format("\\u%04x", (int) c));
                    } else {
                        literal.append(c);
                    }
                }
            }
        }
        return literal.append('"').toString();
    }

    private static void write(Path file, String text, boolean force) {
        try {
            if (force) {
                Files.writeString(file, text, StandardCharsets.UTF_8);
            } else {
                Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
        } catch (FileAlreadyExistsException e) {
            throw Args.usage(Terminal.sanitize(file.toString()) + " exists already; --force replaces it");
        } catch (NoSuchFileException e) {
            throw new JLoginException(JLoginException.Kind.CONFIGURATION, "cannot write " + Terminal.sanitize(file.toString())
                    + ": its folder does not exist");
        } catch (IOException e) {
            throw new JLoginException(JLoginException.Kind.CONFIGURATION, "cannot write " + Terminal.sanitize(file.toString())
                    + ": " + Terminal.sanitize(String.valueOf(e.getMessage())), e);
        }
    }
}
