package dev.jlogin.keycloak;

import dev.jlogin.sandbox.KeycloakDistribution;
import dev.jlogin.sandbox.SandboxRealm;
import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * Keycloak in a container through Testcontainers. The image is the official one unless
 * {@code JLOGIN_KEYCLOAK_IMAGE} names another (CI builds {@code localhost/keycloak-local} itself,
 * having no registry to pull from).
 */
final class ContainerKeycloak implements Keycloak {
    static final String DEFAULT_IMAGE = "quay.io/keycloak/keycloak:" + KeycloakDistribution.VERSION;

    private final GenericContainer<?> container;

    @SuppressWarnings("resource") // closed in close()
    ContainerKeycloak() {
        String image = System.getenv().getOrDefault("JLOGIN_KEYCLOAK_IMAGE", DEFAULT_IMAGE);
        System.err.println("[keycloak] starting container " + image);
        container = new GenericContainer<>(DockerImageName.parse(image))
                .withExposedPorts(8080)
                .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
                .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin")
                // start-dev listens on the container's loopback only, unreachable through the mapped port
                .withEnv("KC_HTTP_HOST", "0.0.0.0")
                .withCopyToContainer(Transferable.of(SandboxRealm.JSON), "/opt/keycloak/data/import/" + SandboxRealm.NAME + "-realm.json")
                .withCommand("start-dev", "--import-realm")
                .waitingFor(Wait.forHttp("/realms/" + SandboxRealm.NAME + "/.well-known/openid-configuration").forPort(8080)
                        .withStartupTimeout(Duration.ofMinutes(5)));
        container.start();
    }

    @Override
    public String issuer() {
        return "http://" + container.getHost() + ":" + container.getMappedPort(8080) + "/realms/" + SandboxRealm.NAME;
    }

    @Override
    public String launcher() {
        return "container";
    }

    @Override
    public void close() {
        container.stop();
    }
}
