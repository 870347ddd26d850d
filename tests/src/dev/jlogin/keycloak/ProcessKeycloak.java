package dev.jlogin.keycloak;

import dev.jlogin.sandbox.DownloadProgress;
import dev.jlogin.sandbox.KeycloakDistribution;
import dev.jlogin.sandbox.KeycloakProcess;
import dev.jlogin.sandbox.TempFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Keycloak's distribution from Maven Central as a local process: the sandbox's own launcher. Its
 * work folder (Keycloak's log) is removed when it stops, and kept when it fails to start.
 */
final class ProcessKeycloak implements Keycloak {
    private final KeycloakProcess process;
    private final Path work;

    ProcessKeycloak() {
        try {
            var home = KeycloakDistribution.fromEnvironment(System.getenv(), line -> System.err.println("[keycloak] " + line),
                    new DownloadProgress(System.err, false)).home();
            work = TempFolders.create(System.getenv(), "jlogin-test-keycloak-");
            process = KeycloakProcess.start(home, work, 0, line -> System.err.println("[keycloak] " + line));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String issuer() {
        return process.issuer();
    }

    @Override
    public String launcher() {
        return "process";
    }

    @Override
    public void close() {
        process.close();
        try {
            TempFolders.delete(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
