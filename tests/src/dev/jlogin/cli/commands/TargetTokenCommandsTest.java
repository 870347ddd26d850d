package dev.jlogin.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.cli.CliHarness;
import dev.jlogin.cli.InProcessCommands;
import dev.jlogin.json.JsonObject;
import dev.jlogin.oauth.TokenRequest;
import dev.jlogin.store.StoredLogin;
import dev.jlogin.store.TokenStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** token, exec and kube-credential handing out a token for another API, and the listings that name it. */
class TargetTokenCommandsTest extends InProcessCommands {

    @BeforeEach
    void loggedIn() {
        cli.server.offerTokenExchange();
        cli.server.allowTargets("orders-api");
        assertThat(cli.login().exit()).isZero();
    }

    private StoredLogin stored() {
        return new TokenStore(home, Duration.ofSeconds(1)).read("default").orElseThrow();
    }

    @Test
    void tokenWithAnAudiencePrintsTheExchangedTokenAndTheSecondCallSendsNothing() {
        CliHarness.Result first = cli.run(new TokenCommand(), "--audience", "orders-api");

        assertThat(first.exit()).as(first.err()).isZero();
        String token = first.out().strip();
        assertThat(cli.server.targetOf(token)).contains(Map.of("audience", "orders-api"));
        assertThat(token).isNotEqualTo(stored().tokens().accessToken().reveal());
        int requests = cli.server.requests().size();

        CliHarness.Result again = cli.run(new TokenCommand(), "--audience", "orders-api", "--json");

        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("\"status\":\"valid\"").doesNotContain(token);
        assertThat(cli.server.requests()).hasSize(requests);
        assertThat(cli.run(new TokenCommand()).out().strip()).isEqualTo(stored().tokens().accessToken().reveal());
    }

    @Test
    void aRefusalIsOneLineWithExit2AndNoTokenOnStdout() {
        CliHarness.Result refused = cli.run(new TokenCommand(), "--audience", "payroll-api");

        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err().lines()).singleElement().asString()
                .startsWith("token: the server refused a token for audience payroll-api; ask the platform team");
        assertNoSecretIn(refused);
    }

    /** --verbose says why under the one line: the server's HTTP status and OAuth error code. */
    @Test
    void verboseAddsTheHttpStatusAndTheOAuthCodeOfARefusal() {
        CliHarness.Result refused = cli.run(new TokenCommand(), "--audience", "payroll-api", "--verbose");

        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("\n  HTTP status: 400\n  OAuth error: invalid_target\n");
        assertNoSecretIn(refused);
    }

    @Test
    void aResourceThatIsNotAnAbsoluteUriIsAUsageError() {
        CliHarness.Result refused = cli.run(new TokenCommand(), "--resource", "orders");

        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("invalid resource: give an absolute URI without a fragment (RFC 8707)");
        assertThat(cli.server.exchanges()).isEmpty();
    }

    @Test
    void execGivesTheCommandTheTokenForTheApi() throws Exception {
        Path file = home.resolve("seen");

        CliHarness.Result result = cli.run(new ExecCommand(), "--audience", "orders-api", "--",
                "sh", "-c", "printf %s \"$ACCESS_TOKEN\" > \"$0\"", file.toString());

        assertThat(result.exit()).as(result.err()).isZero();
        String seen = Files.readString(file);
        assertThat(cli.server.targetOf(seen)).contains(Map.of("audience", "orders-api"));
        assertThat(stored().targets().get(TokenRequest.audience("orders-api")).accessToken().reveal()).isEqualTo(seen);
    }

    /** kube-credential's --audience is the new login's (as login's); the API's is --token-audience. */
    @Test
    void kubeCredentialAnswersWithTheTokenForTheApi() throws Exception {
        cli.env.put("KUBERNETES_EXEC_INFO", "{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1\","
                + "\"spec\":{\"interactive\":false}}");

        CliHarness.Result result = cli.run(new KubeCredentialCommand(), "--token-audience", "orders-api");

        assertThat(result.exit()).as(result.err()).isZero();
        JsonObject status = JsonObject.parse(result.out()).object("status").orElseThrow();
        assertThat(cli.server.targetOf(status.requireString("token"))).contains(Map.of("audience", "orders-api"));
        assertThat(status.requireString("expirationTimestamp")).isNotEmpty();
    }

    @Test
    void whoamiStatusAndAuditNameTheApisHeldButNeverTheirTokens() {
        String token = cli.run(new TokenCommand(), "--audience", "orders-api").out().strip();

        CliHarness.Result whoami = cli.run(new WhoamiCommand());
        CliHarness.Result whoamiJson = cli.run(new WhoamiCommand(), "--json");
        CliHarness.Result status = cli.run(new StatusCommand());
        CliHarness.Result statusJson = cli.run(new StatusCommand(), "--json");
        CliHarness.Result audit = cli.run(new AuditCommand(), "--json");

        assertThat(whoami.out()).contains("other API:     audience orders-api: valid until");
        assertThat(whoamiJson.out()).contains("\"targets\":[{\"audience\":\"orders-api\",\"expires_at\":\"");
        assertThat(status.out()).contains("APIs:     audience orders-api (valid until");
        assertThat(statusJson.out()).contains("\"targets\":[{\"audience\":\"orders-api\"");
        assertThat(audit.out()).contains("\"targets\":[{\"audience\":\"orders-api\"");
        for (CliHarness.Result result : new CliHarness.Result[] {whoami, whoamiJson, status, statusJson, audit}) {
            assertThat(result.both()).doesNotContain(token);
            assertNoSecretIn(result);
        }
    }

    /** The catalog names the organisation's APIs: a name stands for its audience, a git host and kubectl get theirs. */
    @Test
    void theAudiencesTheCatalogNamesServeTokenGitAndKubectl() throws Exception {
        cli.properties.setProperty("jlogin.audiences", "orders=orders-api, git.acme.test=orders-api, kubernetes=orders-api");
        cli.env.put("JLOGIN_GIT_HOSTS", "git.acme.test, git.other.test");

        String byName = cli.run(new TokenCommand(), "--audience", "orders").out().strip();
        cli.stdin = "protocol=https\nhost=git.acme.test\n\n";
        CliHarness.Result git = cli.run(new GitCredentialCommand(), "get");
        cli.stdin = "protocol=https\nhost=git.other.test\n\n";
        CliHarness.Result otherGit = cli.run(new GitCredentialCommand(), "get");
        cli.env.put("KUBERNETES_EXEC_INFO", "{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1\","
                + "\"spec\":{\"interactive\":false}}");
        CliHarness.Result kube = cli.run(new KubeCredentialCommand());

        assertThat(cli.server.targetOf(byName)).contains(Map.of("audience", "orders-api"));
        assertThat(git.out()).contains("password=" + byName + "\n");
        assertThat(otherGit.out()).contains("password=" + stored().tokens().accessToken().reveal() + "\n");
        assertThat(JsonObject.parse(kube.out()).object("status").orElseThrow().requireString("token")).isEqualTo(byName);
        assertThat(cli.server.exchanges()).hasSize(1);
    }

    @Test
    void gitRefusedWithTheKeptTokenGetsANewOneOnTheNextGet() {
        cli.env.put("JLOGIN_GIT_HOSTS", "git.acme.test");
        cli.stdin = "protocol=https\nhost=git.acme.test\n\n";
        String first = cli.run(new GitCredentialCommand(), "--audience", "orders-api", "get").out();
        String token = first.lines().filter(l -> l.startsWith("password=")).findFirst().orElseThrow().substring(9);

        cli.stdin = "protocol=https\nhost=git.acme.test\nusername=oauth2\npassword=" + token + "\n\n";
        assertThat(cli.run(new GitCredentialCommand(), "--audience", "orders-api", "erase").exit()).isZero();
        cli.stdin = "protocol=https\nhost=git.acme.test\n\n";
        String second = cli.run(new GitCredentialCommand(), "--audience", "orders-api", "get").out();

        assertThat(second).doesNotContain(token).contains("password=xt-");
        assertThat(cli.server.exchanges()).hasSize(2);
    }

    @Test
    void setupKubeWritesTheApiIntoThePluginsCommandLine() {
        cli.properties.setProperty("jlogin.launcher-path", "/opt/acme/bin/acme");
        cli.properties.setProperty("jlogin.audiences", "kube=k8s-api");

        CliHarness.Result result = cli.run(new SetupKubeCommand(), "--dry-run", "--token-audience", "kube");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("\"--token-audience\",\"k8s-api\"");
    }

    @Test
    void aMalformedAudiencesSettingIsAConfigurationError() {
        cli.properties.setProperty("jlogin.audiences", "orders");

        CliHarness.Result result = cli.run(new TokenCommand(), "--audience", "orders");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("invalid jlogin.audiences: give NAME=AUDIENCE entries");
    }
}
