package dev.jlogin.cli;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opens the verification link where a person is sitting at a desktop. Skipped over SSH and
 * without a display (the link is printed in any case). Only http(s) links are ever opened, and
 * the link is an argument, never a shell string.
 */
@FunctionalInterface
public interface BrowserLauncher {
    BrowserLauncher NONE = uri -> false;

    /** Returns whether a browser was asked to open the link. */
    boolean open(URI uri);

    static BrowserLauncher system() {
        return uri -> command(System.getProperty("os.name", ""), System.getenv()).map(cmd -> {
            String scheme = uri.getScheme();
            if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
                return false;
            }
            try {
                List<String> full = new java.util.ArrayList<>(cmd);
                full.add(uri.toString());
                new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                return true;
            } catch (IOException e) {
                return false;
            }
        }).orElse(false);
    }

    static Optional<List<String>> command(String os, Map<String, String> env) {
        if (env.containsKey("SSH_CONNECTION") || env.containsKey("SSH_TTY")) {
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
}
