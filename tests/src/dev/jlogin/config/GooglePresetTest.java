package dev.jlogin.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.cli.CliHarness;
import dev.jlogin.cli.InProcessCommands;
import dev.jlogin.cli.commands.LoginCommand;
import dev.jlogin.cli.commands.RevokeCommand;
import dev.jlogin.cli.commands.WhoamiCommand;
import dev.jlogin.testing.FakeAuthorizationServer.Reply;
import dev.jlogin.testing.SigningKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --provider google} against a server replaying Google's "OAuth 2.0 for TV and Limited-Input
 * Device Applications": {@code verification_url}, a client secret on the token request, its
 * allowed-scopes refusal, and RFC 7009 revocation at its own endpoint.
 */
class GooglePresetTest extends InProcessCommands {
    private static final String SECRET = "GOCSPX-google-client-secret";

    @BeforeEach
    void replayGoogle() {
        ProviderReplays.GOOGLE.apply(cli);
    }

    @Test
    void logsInWithVerificationUrlAndTheSecretOnTheTokenRequestWhateverStatusThePollErrorsCome() {
        // Google documents 428 for a pending authorization and 403 for slow_down
        cli.server.enqueueTokenReplies(Reply.json(428, Map.of("error", "authorization_pending",
                        "error_description", "Precondition Required")),
                Reply.json(403, Map.of("error", "slow_down", "error_description", "Forbidden")));

        CliHarness.Result result = cli.login();

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.err()).contains("https://www.google.com/device").contains("WDJB-MJHT").doesNotContain("Warning");
        assertThat(cli.server.requests("/.well-known/openid-configuration")).isNotEmpty();
        assertThat(cli.server.polls()).hasSize(3).allSatisfy(poll ->
                assertThat(poll.form()).containsEntry("client_secret", SECRET).containsEntry("client_id", "cli"));
        assertThat(result.both()).doesNotContain(SECRET);
        assertNoSecretIn(result);
        assertThat(home.resolve("profiles/default.json")).content().doesNotContain(SECRET).contains("\"provider\" : \"google\"");
    }

    /** An ID token signed by the fake server's key whose {@code iss} is {@code issuer}. */
    private void idTokensIssuedAs(String issuer) {
        cli.server.idTokens(now -> SigningKeys.sign(SigningKeys.header("RS256", "k1"), SigningKeys.claims(issuer, "cli", now),
                SigningKeys.rsa().getPrivate()));
    }

    @Test
    void anIdTokenWhoseIssLacksTheSchemeIsVerifiedAsGoogleDocumentsBothForms() {
        // "The value of iss in the ID token is equal to accounts.google.com or https://accounts.google.com."
        idTokensIssuedAs(cli.server.issuer().substring("http://".length()));

        CliHarness.Result login = cli.login("--json");
        CliHarness.Result whoami = cli.run(new WhoamiCommand(), "--json");

        assertThat(login.exit()).as(login.err()).isZero();
        assertThat(login.out()).contains("\"id_token\":\"verified\"");
        assertThat(whoami.out()).contains("\"id_token\":\"verified\"").doesNotContain("id_token_problem");
    }

    @Test
    void anIdTokenFromAnotherHostIsRejectedWithOrWithoutTheScheme() {
        for (String other : new String[] {"evil.example", "https://evil.example"}) {
            idTokensIssuedAs(other);

            CliHarness.Result login = cli.login();

            assertThat(login.exit()).as(other).isEqualTo(6);
            assertThat(login.err()).contains("failed verification").contains("issued by " + other);
            assertThat(new dev.jlogin.store.TokenStore(home, java.time.Duration.ofSeconds(1)).read("default")).isEmpty();
        }
    }

    @Test
    void withoutItsSecretALoginIsAUsageErrorBeforeAnyRequest() {
        cli.env.remove("JLOGIN_CLIENT_SECRET");

        CliHarness.Result result = cli.login();

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("requires the client's secret").contains("JLOGIN_CLIENT_SECRET")
                .contains("JLOGIN_CLIENT_SECRET_FILE");
        assertThat(cli.server.requests()).isEmpty();
    }

    @Test
    void theSecretIsNeverAFlag() {
        assertThat(cli.run(new LoginCommand(), "--client-secret", SECRET).exit()).isEqualTo(2);
        assertThat(cli.server.requests()).isEmpty();
    }

    @Test
    void theSecretMayComeFromAFileOnlyItsOwnerCanRead() throws Exception {
        cli.env.remove("JLOGIN_CLIENT_SECRET");
        Path file = home.resolve("google-secret");
        Files.writeString(file, SECRET + "\n");
        cli.env.put("JLOGIN_CLIENT_SECRET_FILE", file.toString());

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        CliHarness.Result loose = cli.login();
        assertThat(loose.exit()).isEqualTo(2);
        assertThat(loose.err()).contains("accessible to other users").contains("chmod 600").doesNotContain(SECRET);
        assertThat(cli.server.requests()).isEmpty();

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        CliHarness.Result result = cli.login();
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(cli.server.polls()).last().satisfies(poll -> assertThat(poll.form()).containsEntry("client_secret", SECRET));
    }

    @Test
    void aScopeGoogleDoesNotAllowInTheDeviceFlowIsRefusedWithTheAllowedOnes() {
        cli.server.enqueueDeviceReplies(Reply.json(400, Map.of("error", "invalid_scope",
                "error_description", "Invalid device flow scope: https://www.googleapis.com/auth/gmail.readonly")));

        CliHarness.Result result = cli.run(new LoginCommand(), "--scope", "openid https://www.googleapis.com/auth/gmail.readonly");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("invalid_scope").contains("Google allows only some scopes in the device flow")
                .contains("#allowedscopes");
    }

    @Test
    void revokeUsesGooglesRevocationEndpoint() {
        cli.login();
        String refresh = new dev.jlogin.store.TokenStore(home, java.time.Duration.ofSeconds(1)).read("default")
                .orElseThrow().tokens().refreshToken().orElseThrow().reveal();

        CliHarness.Result result = cli.run(new RevokeCommand());

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(cli.server.requests("/revoke")).isNotEmpty();
        assertThat(cli.server.isRevoked(refresh)).isTrue();
    }
}
