package dev.jlogin.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jlogin.testing.FullTier;
import dev.jlogin.testing.JBang;
import dev.jlogin.testing.OrgCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A preset configured by nothing but an organisation's catalog {@code properties}, through the
 * real scripts: WorkOS User Management, the preset that departs furthest from the RFCs (no
 * discovery, fixed paths, no token_type, the user object in the token response).
 */
@FullTier
class ProviderThroughCatalogTest extends FakeServerScripts {

    @Test
    void theWorkOsPresetWorksFromCatalogPropertiesAlone() {
        env.remove("JLOGIN_ISSUER");
        env.remove("JLOGIN_CLIENT_ID");
        server.endpointPath("device", "/user_management/authorize/device");
        server.endpointPath("token", "/user_management/authenticate");
        server.jwtAccessTokens();
        server.tokenResponse("token_type", null);
        server.tokenResponse("expires_in", null);
        server.tokenResponse("organization_id", "org_01H945H0YD4F97JN9MATX7BYAG");
        server.tokenResponse("user", Map.of("object", "user", "id", "user_01E4ZCR3C56J083X43JQXF3JK5",
                "email", "marcelina.davis@example.com", "first_name", "Marcelina", "last_name", "Davis"));
        Path catalog = OrgCatalog.write(home.resolve("acme"), Map.of("jlogin.provider", "workos",
                "jlogin.issuer", server.base(), "jlogin.client-id", "client_01HZBC6N1EB1ZY7KG32X"),
                "login", "whoami", "token", "revoke");

        JBang.Running running = jbang.start("login@" + catalog, "--no-browser");
        await().atMost(Duration.ofMinutes(3)).until(() -> !server.requests("/user_management/authorize/device").isEmpty()
                || !running.process().isAlive());
        server.approve();
        JBang.Result login = running.await();

        assertThat(login.exit()).as(login.err()).isZero();
        assertThat(login.out()).contains("as Marcelina Davis <marcelina.davis@example.com>");
        JBang.Result whoami = jbang.run("whoami@" + catalog, "--json");
        assertThat(whoami.out()).contains("\"organization\":\"org_01H945H0YD4F97JN9MATX7BYAG\"");
        JBang.Result token = jbang.run("token@" + catalog);
        assertThat(token.exit()).as(token.err()).isZero();
        assertThat(server.accepts(token.out().strip())).isTrue();
        JBang.Result revoke = jbang.run("revoke@" + catalog);
        assertThat(revoke.exit()).as(revoke.err()).isZero();
        assertThat(revoke.out()).contains("WorkOS dashboard");
        for (String secret : server.issuedSecrets()) {
            assertThat(login.both() + whoami.both() + revoke.both()).doesNotContain(secret);
        }
    }
}
