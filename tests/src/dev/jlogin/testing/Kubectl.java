package dev.jlogin.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The environment in which kubectl runs our plugin in a test: an isolated KUBECONFIG, and a PATH on
 * which {@code jbang} is the repo's launcher, as it is for a user who installed JBang.
 */
public final class Kubectl {
    private Kubectl() {
    }

    /** Adds KUBECONFIG ({@code home/.kube/config}) and the PATH to {@code env}; returns the kubeconfig path. */
    public static Path isolate(Path home, Map<String, String> env) {
        try {
            Path bin = Files.createDirectories(home.resolve("bin"));
            // a link, not a wrapper script: the launcher skips itself on PATH by resolving links
            Files.createSymbolicLink(bin.resolve("jbang"), JBang.REPO.resolve("jbang"));
            Path kubeconfig = Files.createDirectories(home.resolve(".kube")).resolve("config");
            env.put("PATH", bin + ":" + System.getenv("PATH"));
            env.put("KUBECONFIG", kubeconfig.toString());
            return kubeconfig;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the link before JUnit deletes the home, which would warn about a link leaving it. */
    public static void release(Path home) {
        try {
            Files.deleteIfExists(home.resolve("bin/jbang"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
