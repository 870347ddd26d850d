package dev.jlogin.cli.terminal;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link TerminalOffLinuxTest}: prints whether the JDK has a console and
 * what {@link Terminal} says of stdout where /proc cannot tell, as off Linux: asked to look in
 * the folder {@code args[0]}, which does not exist.
 *
 * <p>With a second argument, {@code console-when-redirected}, the JDK is first given a console
 * whatever its streams are, as JDK 22 to 24 have by default (JLine's, JDK-8308591). JDK 25 makes
 * JLine's console decline redirected streams even when {@code -Djdk.console=jdk.internal.le}
 * selects it, so JShell's console provider stands in: once handed its two streams it provides a
 * console for any streams. The JVM runs with {@code -Djdk.console=jdk.jshell}, that module
 * added and its package exported to us.
 */
final class TerminalProbe {
    private TerminalProbe() {
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        if (args.length > 1 && args[1].equals("console-when-redirected")) {
            Class<?> provider = Class.forName("jdk.jshell.execution.impl.ConsoleImpl$ConsoleProviderImpl");
            provider.getMethod("setRemoteOutput", InputStream.class).invoke(null, InputStream.nullInputStream());
            provider.getMethod("setRemoteInput", OutputStream.class).invoke(null, OutputStream.nullOutputStream());
        }
        System.out.println("console=" + (System.console() != null) + " stdout=" + Terminal.isTerminal(Path.of(args[0]), 1));
    }
}
