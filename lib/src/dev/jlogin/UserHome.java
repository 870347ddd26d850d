package dev.jlogin;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The user's home folder, decided here and nowhere else: the {@code ~} of jlogin's store and
 * caches, of an installed launcher's files and bin folder, and of the JDKs looked for there.
 *
 * <p>On POSIX it is {@code $HOME} where set and not blank, as git, ssh, gh and aws take it: a
 * container, a CI runner, {@code sudo -H} or a test sets HOME, while the JVM's {@code user.home}
 * comes from the password file. On Windows HOME belongs to Unix-like shells (Git Bash, Cygwin),
 * so the JVM's {@code user.home} (the profile folder) is used there.
 *
 * @param windows whether the machine runs Windows
 * @param javaUserHome the JVM's {@code user.home}: the home when HOME does not say
 */
public record UserHome(boolean windows, Path javaUserHome) {
    /** This machine's. */
    public static UserHome ofThisMachine() {
        return new UserHome(Host.isWindows(), Host.userHome());
    }

    /** The home that the environment {@code variables} give on this machine. */
    public static Path of(Map<String, String> variables) {
        return ofThisMachine().in(variables);
    }

    /**
     * The home that the environment {@code variables} give. A relative HOME is not taken: it would
     * move the token store with the working directory (a login in one folder, not found in the
     * next, tokens written into a project checkout), and no system sets one on purpose.
     */
    public Path in(Map<String, String> variables) {
        return fromHomeVariable(variables) ? Path.of(variables.get("HOME")) : javaUserHome;
    }

    /** Which one {@link #in} takes: "HOME", or "user.home" (the JVM's, from the password file). */
    public String from(Map<String, String> variables) {
        return fromHomeVariable(variables) ? "HOME" : "user.home";
    }

    private boolean fromHomeVariable(Map<String, String> variables) {
        String home = variables.get("HOME");
        return !windows && home != null && !home.isBlank() && Path.of(home).isAbsolute();
    }

    /**
     * {@code variables} for a program that follows $HOME (git, kubectl), with HOME set to the home
     * they give here, so that the program's configuration goes into the home jlogin uses even
     * when HOME is missing or relative. Unchanged on Windows.
     */
    public Map<String, String> programEnvironment(Map<String, String> variables) {
        if (windows) {
            return variables;
        }
        Map<String, String> environment = new HashMap<>(variables);
        environment.put("HOME", in(variables).toString());
        return environment;
    }
}
