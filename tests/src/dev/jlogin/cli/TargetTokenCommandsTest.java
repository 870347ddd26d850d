package dev.jlogin.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
}
