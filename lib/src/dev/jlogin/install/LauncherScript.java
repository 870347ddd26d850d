package dev.jlogin.install;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The text of a launcher: a POSIX shell script (a {@code .cmd} file on Windows) that checks its
 * runtime and files are still there and then {@code exec}s one {@code java}, so signals, stdin and
 * the exit code are the JVM's own.
 */
public final class LauncherScript {
    /** Names a file as ours in words, for a person who opens it. */
    static final String MARKER = "jlogin launcher";
    /**
     * The line that marks a file as written by us, with the install's id, which install.properties
     * repeats: install replaces, and --uninstall removes, only such files. A user's own file does
     * not hold a 128-bit random number on such a line by accident.
     */
    static final Pattern ID_LINE = Pattern.compile("^(?:#|rem) jlogin-launcher-id: ([0-9a-f]{32})\\r?$", Pattern.MULTILINE);

    /**
     * The JVM options of every launcher; each pays for itself on a call that lives ~40 ms.
     */
    static final List<String> JVM_OPTIONS = List.of(
            // C1 only: a call ends long before C2 would pay off, and C2's compiler thread costs start-up time
            "-XX:TieredStopAtLevel=1",
            // no GC worker threads to start; the heap of a call is a few MiB
            "-XX:+UseSerialGC",
            // a small heap: keeps the reserved and touched memory down (login's TLS handshake fits easily)
            "-Xmx64m",
            // no hsperfdata file in /tmp for every call (nothing attaches to a 40 ms process)
            "-XX:-UsePerfData",
            // the JVM logs warnings to stdout by default, and stdout carries the token: keep it clean
            "-Xlog:disable", "-Xlog:all=warning:stderr",
            // and its own output, such as the thread dump that SIGQUIT prints, goes to stderr too
            "-XX:+DisplayVMOutputToStderr");

    private LauncherScript() {
    }

    /** The whole java command line after the executable; {@code properties} are baked in as -D options. */
    static List<String> javaArguments(String name, Path launcher, Path app, List<Path> classPath,
                                      List<String> cacheOptions, Map<String, String> properties, String mainClass) {
        List<String> args = new ArrayList<>(JVM_OPTIONS);
        args.addAll(cacheOptions);
        properties.forEach((k, v) -> args.add("-D" + k + "=" + v));
        args.add("-Djlogin.launcher=" + name);
        // git and kubectl run the launcher by this path: it need not be on their PATH
        args.add("-Djlogin.launcher-path=" + launcher);
        args.add("-Djlogin.app=" + app);
        args.add("-cp");
        args.add(Platform.classPath(classPath));
        args.add(mainClass);
        return args;
    }

    /** A POSIX sh launcher. Every value is single-quoted, so nothing in it is expanded by the shell. */
    /** The words that name a file as ours for a person; earlier versions wrote only these, with no id line. */
    static String legacyMarkerLine(String name) {
        return MARKER + " '" + name + "': written by jlogin's install";
    }

    static String posix(String name, String id, JavaRuntime runtime, Path app, List<String> javaArguments, String reinstall) {
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/sh\n");
        s.append("# jlogin-launcher-id: ").append(id).append('\n');
        s.append("# ").append(legacyMarkerLine(name)).append("; run install again to\n");
        s.append("# update it, or install --uninstall to remove it.\n");
        s.append("java=").append(quote(runtime.java().toString())).append('\n');
        s.append("app=").append(quote(app.toString())).append('\n');
        // say which is gone: files gone after an uninstall are not the runtime's fault
        gone(s, "[ ! -f \"$app/install.properties\" ]", name + ": its files are gone (", "\"$app\"", reinstall);
        gone(s, "[ ! -x \"$java\" ]", name + ": its Java runtime is gone (", "\"$java\"", reinstall);
        s.append("exec \"$java\"");
        for (String arg : javaArguments) {
            s.append(" \\\n  ").append(quote(arg));
        }
        s.append(" \"$@\"\n");
        return s.toString();
    }

    /** An sh test that ends the launcher with one line naming what is gone and the reinstall command. */
    private static void gone(StringBuilder s, String test, String what, String path, String reinstall) {
        s.append("if ").append(test).append("; then\n");
        // printf, not echo: dash's echo would act on backslashes in the values (a catalog's name, say)
        s.append("  printf '%s\\n' ").append(quote(what)).append(path).append(quote("); reinstall it with: " + reinstall))
                .append(" >&2\n");
        s.append("  exit 2\n");
        s.append("fi\n");
    }

    /**
     * A Windows launcher: a {@code .cmd} file, ASCII with CRLF line ends, whose values reach java.exe
     * exactly ({@link CmdQuoting}); one that cannot is refused. {@code variables} are the
     * environment's at install time: the user's folders are written as references to them.
     */
    static String windows(String name, String id, JavaRuntime runtime, Path app, List<String> javaArguments, String reinstall,
                          Map<String, String> variables) {
        CmdQuoting cmd = new CmdQuoting(variables);
        String java = cmd.path(runtime.java().toString());
        StringBuilder s = new StringBuilder();
        s.append("@echo off\r\n");
        s.append("rem jlogin-launcher-id: ").append(id).append("\r\n");
        s.append("rem ").append(legacyMarkerLine(name)).append("\r\n");
        // '!' is literal only without delayed expansion, which the registry can turn on for every cmd.exe
        s.append("setlocal DisableDelayedExpansion\r\n");
        s.append("if not exist ").append(java).append(" goto gone\r\n");
        s.append("if not exist ").append(cmd.path(app.resolve("install.properties").toString())).append(" goto gone\r\n");
        s.append(java);
        for (String arg : javaArguments) {
            s.append(' ').append(cmd.argument(arg));
        }
        s.append(" %*\r\n");
        s.append("exit /b %ERRORLEVEL%\r\n");
        s.append(":gone\r\n");
        // the redirection first: "echo TEXT 1>&2" would print the space before it
        s.append("1>&2 echo ").append(cmd.echo(name + ": its Java runtime or its files are gone; reinstall it with: "
                + reinstall)).append("\r\n");
        s.append("exit /b 2\r\n");
        return s.toString();
    }

    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
