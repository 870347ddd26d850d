package dev.jlogin.config;

import dev.jlogin.Host;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where jlogin keeps its files: {@code JLOGIN_HOME} if set, else {@code %APPDATA%\jlogin} on
 * Windows, else {@code $XDG_CONFIG_HOME/jlogin}, else {@code ~/.config/jlogin}.
 */
public final class JLoginHome {
    private JLoginHome() {
    }

    public static Path resolve(Map<String, String> env) {
        String explicit = env.get("JLOGIN_HOME");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String appData = env.get("APPDATA");
        if (Host.isWindows() && appData != null) {
            return Path.of(appData, "jlogin");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "jlogin");
        }
        return Host.userHome().resolve(".config").resolve("jlogin");
    }
}
