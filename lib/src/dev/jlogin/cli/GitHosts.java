package dev.jlogin.cli;

import dev.jlogin.JLoginException;
import dev.jlogin.config.Setting;
import dev.jlogin.integration.GitHost;
import java.util.List;

/**
 * The git servers that get the profile's token: {@code --git-host} (repeatable), else
 * {@code JLOGIN_GIT_HOSTS}, else the property {@code jlogin.git-hosts} (comma-separated
 * {@code host[:port]}); and the user name git is given with it.
 */
public final class GitHosts {
    private GitHosts() {
    }

    public static List<GitHost> configured(Context ctx) {
        List<String> flags = ctx.args().values("git-host");
        String list = flags.isEmpty() ? ctx.source().get(Setting.GIT_HOSTS).orElse("") : String.join(",", flags);
        List<GitHost> hosts = GitHost.parseList(list);
        if (hosts.isEmpty()) {
            throw new JLoginException(JLoginException.Kind.CONFIGURATION,
                    "no git host configured: pass --git-host HOST, or set JLOGIN_GIT_HOSTS or jlogin.git-hosts");
        }
        return hosts;
    }

    /** Whether the list comes with the command itself (a catalog's or launcher's property), not from this call. */
    public static boolean builtIn(Context ctx) {
        return ctx.args().values("git-host").isEmpty() && ctx.source().origin(Setting.GIT_HOSTS).equals("jlogin.git-hosts");
    }

    public static String username(Context ctx) {
        return ctx.source().get(Setting.GIT_USERNAME).orElse(GitHost.DEFAULT_USERNAME);
    }
}
