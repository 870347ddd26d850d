package dev.jlogin.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.cli.CliHarness;
import dev.jlogin.cli.InProcessCommands;
import dev.jlogin.cli.commands.LoginCommand;
import dev.jlogin.cli.commands.RevokeCommand;
import dev.jlogin.cli.commands.TokenCommand;
import dev.jlogin.cli.commands.WhoamiCommand;
import dev.jlogin.json.JsonObject;
import dev.jlogin.store.TokenStore;
import dev.jlogin.testing.FakeAuthorizationServer.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --provider workos} against a server replaying WorkOS User Management's CLI Auth
 * ({@code /user_management/authorize/device}, {@code /user_management/authenticate}): client_id
 * only, a token response with the user object and organization_id but no token_type or
 * expires_in, single-use refresh tokens through the same endpoint, no public revocation.
 */
class WorkOsPresetTest extends InProcessCommands {

    @BeforeEach
    void replayWorkOs() {
        ProviderReplays.WORKOS.apply(cli);
    }

    private dev.jlogin.oauth.TokenSet stored() {
        return new TokenStore(home, Duration.ofSeconds(1)).read("default").orElseThrow().tokens();
    }

    @Test
    void logsInWithTheClientIdAloneAndShowsTheUserAndOrganisationFromTheTokenResponse() throws Exception {
        cli.server.enqueueTokenReplies(Reply.json(400, Map.of("error", "authorization_pending",
                "error_description", "Authorization is pending. Continue polling.")));

        CliHarness.Result result = cli.login();

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("as Marcelina Davis <marcelina.davis@example.com>");
        assertThat(result.err()).contains("https://acme.authkit.app/device").doesNotContain("Warning");
        assertThat(cli.server.requests("/user_management/authorize/device")).singleElement()
                .satisfies(r -> assertThat(r.form()).containsOnlyKeys("client_id"));
        assertThat(cli.server.requests()).noneMatch(r -> r.path().contains("well-known") || r.path().contains("userinfo"));
        // no expires_in: the JWT's exp (issued at the second poll, 10 s in, for 300 s)
        assertThat(stored().expiresAt()).contains(Instant.parse("2026-01-01T00:05:10Z"));
        assertThat(stored().tokenType()).isEqualTo("Bearer");
        assertNoSecretIn(result);

        CliHarness.Result whoami = cli.run(new WhoamiCommand(), "--json");
        assertThat(JsonObject.parse(whoami.out()).asMap()).containsEntry("subject", "user_01E4ZCR3C56J083X43JQXF3JK5")
                .containsEntry("email", "marcelina.davis@example.com").containsEntry("name", "Marcelina Davis")
                .containsEntry("organization", "org_01H945H0YD4F97JN9MATX7BYAG")
                .containsEntry("identity_source", "token_response").containsEntry("has_refresh_token", true);
        assertThat(cli.run(new WhoamiCommand()).out()).contains("organization:  org_01H945H0YD4F97JN9MATX7BYAG");
    }

    @Test
    void theSingleUseRefreshTokenIsUsedAtTheSameEndpointAndReplaced() {
        cli.login();
        String first = stored().refreshToken().orElseThrow().reveal();
        cli.clock.advance(Duration.ofMinutes(5));

        CliHarness.Result token = cli.run(new TokenCommand());

        assertThat(token.exit()).as(token.err()).isZero();
        assertThat(cli.server.requests("/user_management/authenticate")).last().satisfies(r -> assertThat(r.form())
                .containsEntry("grant_type", "refresh_token").containsEntry("refresh_token", first)
                .containsEntry("client_id", "cli").doesNotContainKey("client_secret"));
        assertThat(stored().refreshToken().orElseThrow().reveal()).isNotEqualTo(first);
        assertThat(cli.server.acceptsRefreshToken(first)).isFalse();
        assertThat(stored().account()).containsEntry("organization_id", "org_01H945H0YD4F97JN9MATX7BYAG");
    }

    @Test
    void onlyThisPresetTakesAResponseWithoutTokenType() {
        cli.env.put("JLOGIN_PROVIDER", "oidc");
        cli.env.put("JLOGIN_DEVICE_ENDPOINT", cli.server.base() + "/user_management/authorize/device");
        cli.env.put("JLOGIN_TOKEN_ENDPOINT", cli.server.base() + "/user_management/authenticate");
        cli.env.remove("JLOGIN_ISSUER");

        CliHarness.Result result = cli.login();

        assertThat(result.exit()).isEqualTo(6);
        assertThat(result.err()).contains("'token_type' is missing");
    }

    @Test
    void deniedAndExpiredLoginsEndAsForAnyServer() {
        cli.server.enqueueTokenReplies(Reply.json(400, Map.of("error", "access_denied")));
        assertThat(cli.run(new LoginCommand()).exit()).isEqualTo(4);
        cli.server.enqueueTokenReplies(Reply.json(400, Map.of("error", "expired_token")));
        assertThat(cli.run(new LoginCommand()).exit()).isEqualTo(5);
    }

    @Test
    void revokeDeletesLocallyAndSaysHowToEndTheSession() {
        cli.login();

        CliHarness.Result result = cli.run(new RevokeCommand());

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("no revocation endpoint").contains("WorkOS dashboard");
        assertThat(cli.run(new TokenCommand()).exit()).isEqualTo(3);
    }
}
