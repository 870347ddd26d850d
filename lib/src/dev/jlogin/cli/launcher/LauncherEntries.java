package dev.jlogin.cli.launcher;

import dev.jlogin.Subprocess;
import dev.jlogin.UserHome;
import dev.jlogin.cli.commands.ConfigProgram;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What setup-git and setup-kube wrote into the user's git and kubectl configuration for an
 * installed launcher, removed with it: left behind, every git fetch and kubectl call would run a
 * launcher that is gone. Found by the launcher's path, which both wrote into their entries; a tool
 * that is not installed has nothing to remove.
 */
final class LauncherEntries {

    private LauncherEntries() {
    }

    /** Removes the entries that run {@code launcher}; returns one line for each, saying what went. */
    static List<String> remove(Path launcher, Map<String, String> variables) {
        List<String> removed = new ArrayList<>();
        String path = launcher.toString();
        Set<String> gitKeys = new LinkedHashSet<>();
        for (String line : output(List.of("git", "config", "--global", "--get-regexp", "^credential\\..*\\.helper$"), variables)) {
            int space = line.indexOf(' ');
            if (space > 0 && line.substring(space + 1).contains(path)) {
                gitKeys.add(line.substring(0, space));
            }
        }
        for (String key : gitKeys) {
            if (run(List.of("git", "config", "--global", "--unset-all", key), variables)) {
                removed.add("git: " + key);
            }
        }
        // kubectl writes a command path relative to the kubeconfig's folder
        Path kubeconfigFolder = kubeconfig(variables).toAbsolutePath().getParent();
        for (String line : output(List.of("kubectl", "config", "view", "-o",
                "jsonpath={range .users[*]}{.name}{\"\\t\"}{.user.exec.command}{\"\\n\"}{end}"), variables)) {
            String[] user = line.split("\t", 2);
            if (user.length == 2 && !user[1].isEmpty() && kubeconfigFolder.resolve(user[1]).normalize().equals(launcher.normalize())
                    && run(List.of("kubectl", "config", "unset", "users." + user[0]), variables)) {
                removed.add("kubeconfig user: " + user[0]);
            }
        }
        return removed;
    }

    /** The kubeconfig kubectl writes to: the first of KUBECONFIG, else ~/.kube/config. */
    private static Path kubeconfig(Map<String, String> variables) {
        String list = variables.getOrDefault("KUBECONFIG", "");
        String first = list.split(java.io.File.pathSeparator, -1)[0];
        return first.isBlank() ? UserHome.of(variables).resolve(".kube").resolve("config") : Path.of(first);
    }

    /** The program's stdout, line by line; nothing when it is not installed or fails. */
    private static List<String> output(List<String> command, Map<String, String> variables) {
        Subprocess.Outcome outcome = Subprocess.run(ConfigProgram.builder(command, variables)
                .redirectOutput(ProcessBuilder.Redirect.PIPE).redirectError(ProcessBuilder.Redirect.DISCARD), new byte[0],
                ConfigProgram.WAIT, true);
        return outcome instanceof Subprocess.Ended ended && ended.exit() == 0 ? ended.out().lines().toList() : List.of();
    }

    private static boolean run(List<String> command, Map<String, String> variables) {
        return Subprocess.run(ConfigProgram.builder(command, variables), new byte[0], ConfigProgram.WAIT, true)
                instanceof Subprocess.Ended ended && ended.exit() == 0;
    }
}
