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

    public static Path resolve(Map<String, String> env) {
        return resolve(env, UserHome.ofThisMachine());
    }

    /** As {@link #resolve(Map)}, on the machine {@code machine} describes. */
    static Path resolve(Map<String, String> env, UserHome machine) {
        String explicit = env.get("JLOGIN_HOME");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String appData = env.get("APPDATA");
        if (machine.windows() && appData != null) {
            return Path.of(appData, "jlogin");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "jlogin");
        }
        return machine.in(env).resolve(".config").resolve("jlogin");
    }
}
