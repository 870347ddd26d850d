package dev.jlogin.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.cli.CliHarness;
import dev.jlogin.cli.InProcessCommands;
import dev.jlogin.cli.commands.LoginCommand;
import dev.jlogin.cli.commands.RefreshCommand;
import dev.jlogin.cli.commands.RevokeCommand;
import dev.jlogin.cli.commands.WhoamiCommand;
import dev.jlogin.json.JsonObject;
import dev.jlogin.testing.JsonSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The presets found by discovery (Google, Okta's org and custom authorization servers, Auth0,
 * Keycloak's realm, Zitadel, WorkOS Connect through plain {@code oidc}) at their documented paths,
 * and what every preset shares: whoami's JSON schema, and the name check.
 */
class OidcPresetsTest extends InProcessCommands {

    @ParameterizedTest
    @EnumSource(value = ProviderReplays.class, names = {"GOOGLE", "OKTA", "OKTA_CUSTOM", "AUTH0", "KEYCLOAK", "ZITADEL",
            "WORKOS_CONNECT"})
    void logsInRefreshesAndRevokesThroughDiscoveryAtTheDocumentedPaths(ProviderReplays provider) {
        provider.apply(cli);

        CliHarness.Result login = cli.login();
        assertThat(login.exit()).as(login.err()).isZero();
        CliHarness.Result refresh = cli.run(new RefreshCommand());
        assertThat(refresh.exit()).as(refresh.err()).isZero();
        assertThat(cli.server.refreshes()).singleElement().satisfies(r -> assertThat(r.form())
                .containsEntry("client_id", "cli").containsKey("refresh_token"));
        CliHarness.Result revoke = cli.run(new RevokeCommand());

        assertThat(revoke.exit()).as(revoke.err()).isZero();
        assertThat(revoke.out()).contains("refresh token: revoked");
        assertThat(cli.server.requests()).allSatisfy(r -> assertThat(r.path()).doesNotStartWith("/issuer"));
        assertNoSecretIn(login);
    }

    @ParameterizedTest
    @EnumSource(value = ProviderReplays.class, names = {"OKTA", "OKTA_CUSTOM", "ZITADEL"})
    void presetsWhoseRefreshTokensNeedOfflineAccessAskForIt(ProviderReplays provider) {
        provider.apply(cli);

        cli.login();

        assertThat(cli.server.requests()).filteredOn(r -> r.form().containsKey("scope")).singleElement()
                .satisfies(r -> assertThat(r.form().get("scope")).isEqualTo("openid profile email offline_access"));
    }

    @Test
    void keycloakIsNotAskedForOfflineAccessWhichWouldMakeAnOfflineSession() {
        ProviderReplays.KEYCLOAK.apply(cli);

        cli.login();

        assertThat(cli.server.requests()).filteredOn(r -> r.form().containsKey("scope")).singleElement()
                .satisfies(r -> assertThat(r.form().get("scope")).isEqualTo("openid profile email"));
    }

    @ParameterizedTest
    @EnumSource(ProviderReplays.class)
    void whoamiJsonHasTheSameSchemaForEveryProvider(ProviderReplays provider) throws Exception {
        provider.apply(cli);
        CliHarness.Result login = cli.login();
        assertThat(login.exit()).as(login.err()).isZero();

        CliHarness.Result whoami = cli.run(new WhoamiCommand(), "--json");

        assertThat(whoami.exit()).as(whoami.err()).isZero();
        // one schema, the README's, whatever the provider
        JsonSchemas.documented().check("login and whoami", whoami.out());
        JsonObject json = JsonObject.parse(whoami.out());
        assertThat(json.asMap()).containsKeys("status", "profile", "issuer", "client_id", "subject", "identity_source",
                "has_refresh_token");
        assertNoSecretIn(whoami);
    }

    @Test
    void anUnknownProviderIsAUsageErrorListingTheKnownOnes() {
        CliHarness.Result result = cli.run(new LoginCommand(), "--provider", "azure");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("unknown provider 'azure'")
                .contains("oidc, github, google, entra, okta, auth0, keycloak, zitadel, workos");
        assertThat(cli.server.requests()).isEmpty();
    }

    @Test
    void helpListsEveryProvider() {
        assertThat(cli.run(new LoginCommand(), "--help").out())
                .contains("--provider NAME")
                .satisfies(help -> assertThat(help.replaceAll("\\s+", " "))
                        .contains(dev.jlogin.config.Providers.names().replace("oidc, ", "")));
    }
}
