package dev.jlogin.keycloak;

import dev.jlogin.sandbox.KeycloakDistribution;
import dev.jlogin.sandbox.KeycloakProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** Keycloak's distribution from Maven Central as a local process: the sandbox's own launcher. */
final class ProcessKeycloak implements Keycloak {
    private final KeycloakProcess process;

    ProcessKeycloak() {
        try {
            var home = KeycloakDistribution.fromEnvironment(System.getenv(), line -> System.err.println("[keycloak] " + line)).home();
            process = KeycloakProcess.start(home, Files.createTempDirectory("jlogin-test-keycloak-"),
                    line -> System.err.println("[keycloak] " + line));
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
    }
}
