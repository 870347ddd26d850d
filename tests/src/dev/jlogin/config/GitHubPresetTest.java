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
import dev.jlogin.testing.FakeAuthorizationServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --provider github} against a server replaying GitHub's documented device flow
 * ("Authorizing OAuth apps", device flow; "Refreshing user access tokens" for GitHub Apps): fixed
 * paths under the base URL, no discovery, poll errors with HTTP 200, and identity from the REST API.
 */
class GitHubPresetTest extends InProcessCommands {
    private static final String POLL_PENDING_URI = "https://docs.github.com/developers/apps/authorizing-oauth-apps#error-codes-for-the-device-flow";

    @BeforeEach
    void replayGitHub() {
        ProviderReplays.GITHUB.apply(cli);
    }

    /** An OAuth App's token: no expiry, no refresh token. */
    private void oauthApp() {
        cli.server.tokenResponse("expires_in", null);
        cli.server.tokenResponse("refresh_token", null);
    }

    /** A GitHub App's user token: 8 hours, with a refresh token for 6 months. */
    private void gitHubApp() {
        cli.server.tokenResponse("expires_in", 28800);
        cli.server.tokenResponse("refresh_token_expires_in", 15811200);
    }

    private static Reply pollError(String code, String description) {
        return Reply.json(200, Map.of("error", code, "error_description", description, "error_uri", POLL_PENDING_URI));
    }

    @Test
    void logsInThroughTheFixedPathsAskingForJsonAndReadsPollErrorsSentWithHttp200() throws Exception {
        oauthApp();
        cli.server.enqueueTokenReplies(pollError("authorization_pending", "The authorization request is still pending."),
                Reply.json(200, Map.of("error", "slow_down", "error_description",
                        "Too many requests have been made in the same timeframe.", "error_uri", POLL_PENDING_URI,
                        "interval", 12)),
                pollError("authorization_pending", "The authorization request is still pending."));

        CliHarness.Result result = cli.login();

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("as monalisa octocat <octocat@github.com>");
        assertThat(result.err()).contains(cli.server.base() + "/login/device").doesNotContain("filled in");
        assertThat(cli.server.requests()).noneMatch(r -> r.path().contains("well-known"));
        assertThat(cli.server.requests("/login/device/code")).singleElement()
                .satisfies(r -> assertThat(r.header("Accept")).isEqualTo("application/json"));
        List<FakeAuthorizationServer.Request> polls = cli.server.requests("/login/oauth/access_token");
        assertThat(polls).hasSize(4).allSatisfy(r -> assertThat(r.header("Accept")).isEqualTo("application/json"));
        // 5 s before the first two polls; slow_down's interval of 12 s from then on
        assertThat(gaps(polls)).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(12), Duration.ofSeconds(12));
        assertThat(cli.server.requests("/api/v3/user")).isNotEmpty();
        assertNoSecretIn(result);

        CliHarness.Result whoami = cli.run(new WhoamiCommand(), "--json");
        assertThat(JsonObject.parse(whoami.out()).asMap()).containsEntry("subject", "1").containsEntry("username", "octocat")
                .containsEntry("identity_source", "user_api").containsEntry("has_refresh_token", false)
                .doesNotContainKey("expires_at");
    }

    @Test
    void anOAuthAppTokenNeverExpiresSoTokenNeverRefreshes() {
        oauthApp();
        cli.login();

        CliHarness.Result token = cli.run(new TokenCommand());
        cli.clock.advance(Duration.ofDays(400));
        CliHarness.Result later = cli.run(new TokenCommand());

        assertThat(later.exit()).isZero();
        assertThat(later.out()).isEqualTo(token.out());
        assertThat(cli.server.refreshes()).isEmpty();
    }

    @Test
    void aGitHubAppTokenExpiresAfterEightHoursAndIsRefreshedWithItsSingleUseRefreshToken() {
        gitHubApp();
        cli.login();
        String firstRefresh = storedRefreshToken();
        assertThat(stored().expiresAt()).contains(Instant.parse("2026-01-01T08:00:05Z"));

        cli.clock.advance(Duration.ofHours(8));
        CliHarness.Result token = cli.run(new TokenCommand());

        assertThat(token.exit()).as(token.err()).isZero();
        assertThat(cli.server.refreshes()).singleElement().satisfies(r -> {
            assertThat(r.form()).containsEntry("refresh_token", firstRefresh).containsEntry("client_id", "cli")
                    .doesNotContainKey("client_secret");
            assertThat(r.header("Accept")).isEqualTo("application/json");
        });
        assertThat(storedRefreshToken()).isNotEqualTo(firstRefresh);
        assertThat(cli.server.acceptsRefreshToken(firstRefresh)).isFalse();
    }

    @Test
    void aRefusedRefreshTokenMeansLoggingInAgain() {
        gitHubApp();
        cli.login();
        cli.clock.advance(Duration.ofHours(9));
        cli.server.enqueueTokenReplies(Reply.json(200, Map.of("error", "bad_refresh_token",
                "error_description", "The refresh token passed is incorrect or expired.")));

        CliHarness.Result token = cli.run(new TokenCommand());

        assertThat(token.exit()).isEqualTo(3);
        assertThat(token.err()).contains("bad_refresh_token").contains("log in with:");
    }

    @Test
    void aDisabledDeviceFlowIsExplainedInPlainWords() {
        cli.server.enqueueDeviceReplies(Reply.json(200, Map.of("error", "device_flow_disabled",
                "error_description", "Device Flow must be explicitly enabled for this App", "error_uri", POLL_PENDING_URI)));

        CliHarness.Result result = cli.login();

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("device_flow_disabled").contains("tick Enable Device Flow");
    }

    @Test
    void pollErrorsOnlyGitHubSendsAreExplainedInPlainWords() {
        cli.server.enqueueTokenReplies(pollError("incorrect_client_credentials", "The client_id is not valid."));
        CliHarness.Result credentials = cli.run(new LoginCommand());
        assertThat(credentials.exit()).isEqualTo(2);
        assertThat(credentials.err()).contains("GitHub does not know this client id");

        cli.server.enqueueTokenReplies(pollError("incorrect_device_code", "The device_code provided is not valid."));
        CliHarness.Result deviceCode = cli.run(new LoginCommand());
        assertThat(deviceCode.exit()).isEqualTo(6);
        assertThat(deviceCode.err()).contains("start the login again");
        assertNoSecretIn(deviceCode);
    }

    @Test
    void aFormEncodedAnswerIsRefusedClearlyWithoutShowingIt() {
        oauthApp();
        cli.server.enqueueTokenReplies(new Reply(200, "access_token=gho_16C7e42F292c6912E7710c838347Ae178B4a&scope=repo%2Cgist&token_type=bearer",
                Map.of("Content-Type", "application/x-www-form-urlencoded")));

        CliHarness.Result result = cli.run(new LoginCommand());

        assertThat(result.exit()).isEqualTo(6);
        assertThat(result.err()).contains("form-encoded data instead of JSON").contains("Accept: application/json")
                .doesNotContain("gho_16C7e42F292c6912E7710c838347Ae178B4a");
    }

    @Test
    void revokeDeletesLocallyAndSaysWhereTheUserCanRevoke() {
        oauthApp();
        cli.login();

        CliHarness.Result result = cli.run(new RevokeCommand());

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("no revocation endpoint")
                .contains(cli.server.base() + "/settings/connections/applications/cli")
                .contains("Logged out monalisa octocat <octocat@github.com>");
        assertThat(cli.server.requests()).noneMatch(r -> r.path().contains("revoke"));
        assertThat(cli.run(new TokenCommand()).exit()).isEqualTo(3);
        assertNoSecretIn(result);
    }

    @Test
    void theProviderIsSavedSoLaterCommandsNeedNoFlags() {
        oauthApp();
        cli.login();
        cli.env.remove("JLOGIN_PROVIDER");
        cli.env.remove("JLOGIN_ISSUER");
        cli.env.remove("JLOGIN_CLIENT_ID");

        CliHarness.Result whoami = cli.run(new WhoamiCommand());

        assertThat(whoami.exit()).as(whoami.err()).isZero();
        assertThat(whoami.out()).contains("octocat");
    }

    private dev.jlogin.oauth.TokenSet stored() {
        return new TokenStore(home, Duration.ofSeconds(1)).read("default").orElseThrow().tokens();
    }

    private String storedRefreshToken() {
        return stored().refreshToken().orElseThrow().reveal();
    }

    private static List<Duration> gaps(List<FakeAuthorizationServer.Request> requests) {
        return java.util.stream.IntStream.range(1, requests.size())
                .mapToObj(i -> Duration.between(requests.get(i - 1).at(), requests.get(i).at())).toList();
    }
}
