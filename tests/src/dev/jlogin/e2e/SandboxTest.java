package dev.jlogin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jlogin.testing.JBang;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox alias: Keycloak up with the demo realm, and down again on SIGTERM. */
class SandboxTest {
    @TempDir
    Path home;

    private static int status(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void startsKeycloakWithTheDemoRealmAndStopsItOnSigterm() throws Exception {
        JBang.Running sandbox = new JBang(home, Map.of()).start("sandbox@" + JBang.CATALOG, "--json");
        String line = sandbox.nextLine();
        String issuer = KeycloakLogins.field(line, "issuer");
        assertThat(KeycloakLogins.field(line, "client_id")).isEqualTo("device-public");
        assertThat(KeycloakLogins.field(line, "username")).isEqualTo("alice");
        assertThat(status(issuer + "/.well-known/openid-configuration")).isEqualTo(200);
        List<ProcessHandle> keycloak = sandbox.process().descendants().toList();
        assertThat(keycloak).isNotEmpty();

        sandbox.process().destroy(); // SIGTERM, as a service manager or `kill` would send

        assertThat(sandbox.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keycloak).noneMatch(ProcessHandle::isAlive);
        assertThatThrownBy(() -> status(issuer + "/.well-known/openid-configuration")).isInstanceOf(IOException.class);
    }
}
