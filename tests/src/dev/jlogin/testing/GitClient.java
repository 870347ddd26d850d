package dev.jlogin.testing;

import java.nio.file.Path;
import java.util.Map;

/**
 * git as a user runs it, through the scripts' environment (so the helper finds our JBang and
 * JLOGIN_HOME), with a global config of its own, no system config and never a prompt: a test
 * can neither touch the user's git setup nor hang waiting for a password.
 */
public final class GitClient {
    private final JBang jbang;

    /** Adds git's settings to {@code env}, the environment {@code jbang} runs commands with. */
    public GitClient(JBang jbang, Map<String, String> env, Path home) {
        this.jbang = jbang;
        env.put("GIT_CONFIG_GLOBAL", home.resolve("gitconfig").toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("GIT_ASKPASS", "");
        env.put("SSH_ASKPASS", "");
        env.put("GIT_AUTHOR_NAME", "Alice Tester");
        env.put("GIT_AUTHOR_EMAIL", "alice@example.com");
        env.put("GIT_COMMITTER_NAME", "Alice Tester");
        env.put("GIT_COMMITTER_EMAIL", "alice@example.com");
    }

    /**
     * Makes {@code helper} git's only credential helper for {@code url}. {@code helper} is a shell
     * command line, such as {@code "$JBANG" git-credential@CATALOG}: how jlogin is invoked is this
     * one parameter, so the same tests run through an installed launcher as well.
     */
    public void useHelper(String url, String helper) {
        JBang.Result result = jbang.shell("git config --global --replace-all credential." + url + ".helper '' && "
                + "git config --global --add credential." + url + ".helper " + quote("!" + helper));
        if (result.exit() != 0) {
            throw new AssertionError("git config failed: " + result.err());
        }
    }

    /** Runs a git command line in the shell, in {@code dir}. */
    public JBang.Result git(Path dir, String arguments) {
        return jbang.shell("cd " + quote(dir.toString()) + " && git " + arguments);
    }

    /** A bare repository {@code name} under {@code root} holding one commit with README. */
    public void createRepository(Path root, String name) {
        Path work = root.resolve(name + ".seed");
        JBang.Result result = jbang.shell("set -e; git init -q --bare " + quote(root.resolve(name).toString())
                + "; git init -q " + quote(work.toString()) + "; cd " + quote(work.toString())
                + "; echo hello > README; git add README; git commit -q -m first; git push -q "
                + quote(root.resolve(name).toString()) + " HEAD:refs/heads/main"
                + "; git --git-dir=" + quote(root.resolve(name).toString()) + " symbolic-ref HEAD refs/heads/main");
        if (result.exit() != 0) {
            throw new AssertionError("cannot create the repository: " + result.err());
        }
    }

    public static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
