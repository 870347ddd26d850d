package dev.jlogin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.keycloak.Keycloak;
import dev.jlogin.keycloak.SharedKeycloak;
import dev.jlogin.oauth.TokenSet;
import dev.jlogin.sandbox.DemoUser;
import dev.jlogin.store.StoredLogin;
import dev.jlogin.store.TokenStore;
import dev.jlogin.testing.FullTier;
import dev.jlogin.testing.JBang;
import dev.jlogin.testing.Kubectl;
import dev.jlogin.testing.OrgCatalog;
import dev.jlogin.testing.StubKubeApiServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubectl against a stub API server that asks Keycloak's userinfo endpoint whether a token is
 * live: the plugin refreshes an expired token at Keycloak (rotating the refresh token) and kubectl
 * gets in with the new one.
 */
@ExtendWith(SharedKeycloak.class)
@FullTier
class KubectlKeycloakTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @TempDir
    Path home;
    private StubKubeApiServer api;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
        Kubectl.release(home);
    }

    private static boolean liveAtKeycloak(Keycloak keycloak, String token) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.userinfo())).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void kubectlGetsInWithATokenRefreshedAtKeycloak(Keycloak keycloak) {
        KeycloakLogins logins = new KeycloakLogins(keycloak, home);
        JBang.Result login = logins.login(DemoUser.alice()::approve);
        assertThat(login.exit()).as(login.err()).isZero();
        StoredLogin before = logins.stored();
        new TokenStore(home.resolve("jlogin"), Duration.ofSeconds(5)).write("default", before.withTokens(new TokenSet(
                before.tokens().accessToken(), before.tokens().tokenType(), before.tokens().refreshToken(), before.tokens().idToken(),
                Optional.of(Instant.now().minusSeconds(1)), before.tokens().scope())));

        logins.env.remove("JLOGIN_ISSUER");
        logins.env.remove("JLOGIN_CLIENT_ID");
        Path kubeconfig = Kubectl.isolate(home, logins.env);
        api = new StubKubeApiServer(home, token -> liveAtKeycloak(keycloak, token));
        api.kubeconfig(kubeconfig, "acme");
        Path catalog = OrgCatalog.write(home.resolve("acme"), keycloak.issuer(), "device-public", "login", "kube-credential",
                "setup-kube");
        JBang.Result setup = logins.jbang.shell("jbang setup-kube@" + catalog + " --user acme --no-browser");
        assertThat(setup.exit()).as(setup.err()).isZero();

        JBang.Result kubectl = logins.jbang.shell("kubectl get --raw /api");

        assertThat(kubectl.exit()).as(kubectl.err()).isZero();
        assertThat(kubectl.out()).contains("\"kind\":\"APIVersions\"");
        StoredLogin after = logins.stored();
        assertThat(after.tokens().accessToken()).isNotEqualTo(before.tokens().accessToken());
        assertThat(after.tokens().refreshToken()).isNotEqualTo(before.tokens().refreshToken());
        assertThat(api.calls()).extracting(StubKubeApiServer.Call::bearer).filteredOn(Objects::nonNull)
                .containsOnly(after.tokens().accessToken().reveal());
    }
}
