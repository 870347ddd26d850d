package dev.jlogin.keycloak;

import java.time.Duration;
import java.util.Locale;
import org.testcontainers.DockerClientFactory;

/**
 * Chooses how to run Keycloak: {@code JLOGIN_KEYCLOAK_LAUNCHER=container|process}, or by default a
 * container where a Docker-API engine answers and a local process otherwise. The choice is logged.
 * A launcher that cannot start fails the tests: nothing is skipped for want of Keycloak.
 */
public final class KeycloakLauncher {
    private KeycloakLauncher() {
    }

    public static Keycloak start(String launcher) {
        long start = System.nanoTime();
        Keycloak keycloak = "container".equals(launcher) ? new ContainerKeycloak() : new ProcessKeycloak();
        System.err.printf("[keycloak] %s launcher ready in %d s at %s%n", keycloak.launcher(),
                Duration.ofNanos(System.nanoTime() - start).toSeconds(), keycloak.issuer());
        return keycloak;
    }

    public static String choose() {
        String configured = System.getenv().getOrDefault("JLOGIN_KEYCLOAK_LAUNCHER", "auto").toLowerCase(Locale.ROOT);
        String chosen = switch (configured) {
            case "container", "process" -> configured;
            case "auto" -> DockerClientFactory.instance().isDockerAvailable() ? "container" : "process";
            default -> throw new IllegalArgumentException("JLOGIN_KEYCLOAK_LAUNCHER must be auto, container or process");
        };
        System.err.println("[keycloak] launcher: " + chosen + " (JLOGIN_KEYCLOAK_LAUNCHER=" + configured + ")");
        return chosen;
    }
}
