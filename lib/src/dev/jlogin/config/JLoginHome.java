package dev.jlogin.config;

import dev.jlogin.UserHome;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where jlogin keeps its files: {@code JLOGIN_HOME} if set, else {@code %APPDATA%\jlogin} on
 * Windows, else {@code $XDG_CONFIG_HOME/jlogin}, else {@code ~/.config/jlogin} ({@code ~} as
 * {@link UserHome} decides: {@code $HOME} where set).
 */
public final class JLoginHome {
    private JLoginHome() {
    }

    /** The folder, and which setting chose it: JLOGIN_HOME, APPDATA, XDG_CONFIG_HOME, or the user's home. */
    public record Choice(Path path, String from) {
    }

    public static Path resolve(Map<String, String> env) {
        return choose(env).path();
    }

    /** As {@link #resolve(Map)}, saying where from: for doctor. */
    public static Choice choose(Map<String, String> env) {
        return choose(env, UserHome.ofThisMachine());
    }

    /** As {@link #choose(Map)}, on the machine {@code machine} describes. */
    static Choice choose(Map<String, String> env, UserHome machine) {
        String explicit = env.get("JLOGIN_HOME");
        if (explicit != null && !explicit.isBlank()) {
            return new Choice(Path.of(explicit), "JLOGIN_HOME");
        }
        String appData = env.get("APPDATA");
        if (machine.windows() && appData != null) {
            return new Choice(Path.of(appData, "jlogin"), "APPDATA");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return new Choice(Path.of(xdg, "jlogin"), "XDG_CONFIG_HOME");
        }
        return new Choice(machine.in(env).resolve(".config").resolve("jlogin"), machine.from(env));
    }
}
