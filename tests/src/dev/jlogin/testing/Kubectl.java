package dev.jlogin.testing;

import dev.jlogin.json.JsonObject;
import dev.jlogin.json.MalformedJsonException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The environment in which kubectl runs our plugin in a test: an isolated KUBECONFIG, and a PATH on
 * which {@code jbang} is the repo's launcher, as it is for a user who installed JBang.
 */
public final class Kubectl {
    /** The oldest kubectl with {@code config set-credentials --exec-interactive-mode}, which setup-kube uses. */
    static final int MINIMUM_MINOR = 30;
    private static volatile boolean checked;

    private Kubectl() {
    }

    /** Adds KUBECONFIG ({@code home/.kube/config}) and the PATH to {@code env}; returns the kubeconfig path. */
    public static Path isolate(Path home, Map<String, String> env) {
        checkVersion();
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

    /** Fails clearly, once per run, when the kubectl on PATH is missing or too old. */
    private static void checkVersion() {
        if (checked) {
            return;
        }
        String minor;
        try {
            Process process = new ProcessBuilder("kubectl", "version", "--client", "-o", "json").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new AssertionError("kubectl version failed: " + output);
            }
            minor = JsonObject.parse(output).object("clientVersion").orElseThrow().requireString("minor").replaceAll("\\D", "");
        } catch (IOException e) {
            throw new AssertionError("kubectl is not on PATH (.ci/install-packages installs one)", e);
        } catch (InterruptedException | MalformedJsonException e) {
            throw new AssertionError("could not tell kubectl's version", e);
        }
        if (Integer.parseInt(minor) < MINIMUM_MINOR) {
            throw new AssertionError("kubectl 1." + minor + " is too old for these tests: setup-kube needs 1." + MINIMUM_MINOR
                    + " or newer (Debian 12's kubernetes-client is 1.20; install the kubectl package)");
        }
        checked = true;
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
