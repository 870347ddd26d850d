package dev.jlogin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.keycloak.Keycloak;
import dev.jlogin.keycloak.KeycloakLauncher;
import dev.jlogin.sandbox.DemoUser;
import dev.jlogin.testing.FullTier;
import dev.jlogin.testing.JBang;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Testcontainers launcher, whatever the shared fixture chose: Keycloak in a container, and
 * login → whoami → revoke through the scripts against it. Without a Docker-API engine this fails.
 */
@FullTier
class ContainerLauncherTest {
    @TempDir
    Path home;

    @Test
    void loginWhoamiRevokeAgainstKeycloakInAContainer() {
        try (Keycloak keycloak = KeycloakLauncher.start("container")) {
            KeycloakLogins logins = new KeycloakLogins(keycloak, home);

            JBang.Result login = logins.login(DemoUser.alice()::approve);
            assertThat(login.exit()).as(login.err()).isZero();

            JBang.Result whoami = logins.jbang.run(KeycloakLogins.alias("whoami"));
            assertThat(whoami.exit()).as(whoami.err()).isZero();
            assertThat(whoami.out()).contains("Alice Tester <alice@example.com>").contains(keycloak.issuer());

            JBang.Result revoke = logins.jbang.run(KeycloakLogins.alias("revoke"));
            assertThat(revoke.exit()).as(revoke.err()).isZero();
            assertThat(revoke.out()).contains("refresh token: revoked");
            assertThat(logins.jbang.run(KeycloakLogins.alias("token")).exit()).isEqualTo(3);
        }
    }
}
