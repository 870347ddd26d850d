package dev.jlogin.browser;

import dev.jlogin.Host;
import dev.jlogin.Subprocess;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opens a login link (the device flow's verification link, the browser login's authorization
 * request) where a person is sitting at a desktop. Skipped over SSH and
 * without a display (the link is printed in any case). Only http(s) links are ever opened, and
 * the link is an argument, never a shell string. Whether it worked is the opener's exit status:
 * "a browser window was opened" is said only when the opener reported success.
 */
@FunctionalInterface
public interface BrowserLauncher {
    BrowserLauncher NONE = unavailable("no browser opener here");
    /** xdg-open, open and rundll32 hand the link over and end within a moment. */
    Duration OPENER_WAIT = Duration.ofSeconds(3);

    /** Whether the link was opened, and if not, why not (a clause for a person). */
    record Outcome(boolean opened, String reason) {
        public static Outcome success() {
            return new Outcome(true, "");
        }

        public static Outcome notOpened(String reason) {
            return new Outcome(false, reason);
        }
    }

    Outcome open(URI uri);

    /**
     * Whether a browser can be opened here at all (a desktop session, not SSH): where not, a login
     * chooses the device flow, whose code can be entered on another device.
     */
    default boolean available() {
        return true;
    }

    static BrowserLauncher system() {
        return system(Host.osName(), Host.variables());
    }

    /** The opener of a machine running {@code os} for a process with the environment {@code env}. */
    static BrowserLauncher system(String os, Map<String, String> env) {
        return command(os, env).map(cmd -> running(cmd, OPENER_WAIT)).orElseGet(() -> unavailable(whyNot(env)));
    }

    /** No browser here: every link is left for the person to open, for {@code reason}. */
    static BrowserLauncher unavailable(String reason) {
        return new BrowserLauncher() {
            @Override
            public Outcome open(URI uri) {
                return Outcome.notOpened(reason);
            }

            @Override
            public boolean available() {
                return false;
            }
        };
    }

    /** Runs {@code opener} with the link as its last argument and waits up to {@code wait} for its verdict. */
    static BrowserLauncher running(List<String> opener, Duration wait) {
        return uri -> {
            String scheme = uri.getScheme();
            if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
                return Outcome.notOpened("only http(s) links are opened");
            }
            String name = opener.get(0);
            List<String> full = new ArrayList<>(opener);
            full.add(uri.toString());
            // an opener still running may yet open the browser: it is left to finish
            // its output is discarded: the browser it starts may hold the pipes open long after it ended
            ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            return Subprocess.problem(name, Subprocess.run(builder, new byte[0], wait, false),
                            name + " could not be run (is it installed?)",
                            name + " has not reported back yet; a browser may still open")
                    .map(Outcome::notOpened).orElseGet(Outcome::success);
        };
    }

    static Optional<List<String>> command(String os, Map<String, String> env) {
        if (Host.overSsh(env)) {
            return Optional.empty();
        }
        if (os.startsWith("Mac")) {
            return Optional.of(List.of("open"));
        }
        if (os.startsWith("Windows")) {
            return Optional.of(List.of("rundll32", "url.dll,FileProtocolHandler"));
        }
        if (env.containsKey("DISPLAY") || env.containsKey("WAYLAND_DISPLAY")) {
            return Optional.of(List.of("xdg-open"));
        }
        return Optional.empty();
    }

    /** Why {@link #command} found no opener. */
    static String whyNot(Map<String, String> env) {
        return Host.overSsh(env)
                ? "this is an SSH session; open the link on your own machine"
                : "no display (DISPLAY or WAYLAND_DISPLAY) to open a browser on";
    }
}
