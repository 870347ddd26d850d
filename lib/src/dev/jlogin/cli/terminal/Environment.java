package dev.jlogin.cli.terminal;

import dev.jlogin.Host;
import dev.jlogin.browser.BrowserLauncher;
import dev.jlogin.device.Sleeper;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Everything a command takes from the outside world, so tests can run commands in-process. The
 * browser opener is found on first use: {@code token} with a valid stored token never opens one.
 */
public record Environment(Map<String, String> variables, Properties properties, InputStream in, PrintStream out, PrintStream err,
                          Clock clock, Sleeper sleeper, BooleanSupplier stdinIsTerminal,
                          BooleanSupplier stdoutIsTerminal, BooleanSupplier stderrIsTerminal, Supplier<BrowserLauncher> browser) {

    public static Environment system() {
        return new Environment(Host.variables(), Host.properties(), System.in, System.out, System.err, Clock.systemUTC(),
                Sleeper.REAL, Terminal::isStdinTerminal, Terminal::isStdoutTerminal, Terminal::isStderrTerminal,
                () -> BrowserLauncher.system()); // not a method reference: that would load BrowserLauncher now
    }
}
