package dev.jlogin.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.cli.CliHarness;
import dev.jlogin.cli.InProcessCommands;
import dev.jlogin.cli.commands.LoginCommand;
import dev.jlogin.cli.commands.TokenCommand;
import dev.jlogin.testing.FakeAuthorizationServer.Reply;
import dev.jlogin.testing.FakeAuthorizationServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --provider auth0} against a server replaying Auth0's Device Authorization Flow: the
 * tenant's issuer with its trailing slash, {@code audience}, pending with HTTP 403 and slow_down
 * with HTTP 429, and refresh token rotation whose reuse detection ends the login.
 */
class Auth0PresetTest extends InProcessCommands {

    @BeforeEach
    void replayAuth0() {
        ProviderReplays.AUTH0.apply(cli);
    }

    @Test
    void logsInWithTheAudienceReadingPendingFrom403AndSlowDownFrom429() {
        cli.server.enqueueTokenReplies(Reply.json(403, Map.of("error", "authorization_pending",
                        "error_description", "User has yet to authorize device code.")),
                Reply.json(429, Map.of("error", "slow_down", "error_description", "You are polling faster than allowed."
                        + " Try again in 10 seconds.")));

        CliHarness.Result result = cli.login();

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("Logged in to " + cli.server.base() + "/ as");
        assertThat(cli.server.requests("/oauth/device/code")).singleElement().satisfies(r -> assertThat(r.form())
                .containsEntry("audience", "https://api.acme.example")
                .containsEntry("scope", "openid profile email offline_access"));
        List<FakeAuthorizationServer.Request> polls = cli.server.polls();
        assertThat(polls).hasSize(3);
        // slow_down adds 5 s to the interval of 1 s
        assertThat(Duration.between(polls.get(1).at(), polls.get(2).at())).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void anExpiredCodeEndsTheLogin() {
        cli.server.enqueueTokenReplies(Reply.json(403, Map.of("error", "expired_token", "error_description",
                "The device_code has expired.")));

        assertThat(cli.run(new LoginCommand()).exit()).isEqualTo(5);
    }

    @Test
    void aReusedRotatedRefreshTokenEndsTheLoginWithExit3NamingTheLoginCommand() {
        cli.login();
        cli.clock.advance(Duration.ofHours(1));
        // reuse detection: the family of refresh tokens is revoked, and every one is refused
        cli.server.enqueueTokenReplies(Reply.json(403, Map.of("error", "invalid_grant",
                "error_description", "Unknown or invalid refresh token.")));

        CliHarness.Result result = cli.run(new TokenCommand());

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.err()).contains("Unknown or invalid refresh token").contains("log in with:").contains("login");
        assertNoSecretIn(result);
    }
}
