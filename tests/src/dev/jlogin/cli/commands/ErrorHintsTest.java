package dev.jlogin.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.cli.CliHarness;
import dev.jlogin.cli.InProcessCommands;
import dev.jlogin.testing.FakeAuthorizationServer.Reply;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Errors that say what to do about them, in one line with the documented exit code. */
class ErrorHintsTest extends InProcessCommands {
    @Test
    void anIssuerWithoutADiscoveryDocumentIsAConfigurationErrorThatSaysWhatToCheck() {
        CliHarness.Result result = cli.run(new LoginCommand(), "--issuer", cli.server.base() + "/realms/typo");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).startsWith("login: no discovery document for issuer " + cli.server.base() + "/realms/typo")
                .contains("HTTP 404").contains("check the issuer URL").contains("/realms/NAME").contains("tenant")
                .hasLineCount(1);
    }

    @Test
    void aConfidentialClientRefusedAtTheDeviceEndpointNeedsItsSecret() {
        // RFC 6749 §5.2: invalid_client when client authentication failed; Keycloak says unauthorized_client
        cli.server.enqueueDeviceReplies(Reply.json(401, Map.of("error", "unauthorized_client",
                "error_description", "Invalid client or Invalid client credentials")));

        CliHarness.Result result = cli.run(new LoginCommand());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("unauthorized_client").contains("set JLOGIN_CLIENT_SECRET").hasLineCount(1);
    }

    @Test
    void aClientRefusedAtTheTokenEndpointIsUnknownOrNeedsItsSecret() {
        cli.server.enqueueTokenReplies(Reply.error(401, "invalid_client"));

        CliHarness.Result result = cli.run(new LoginCommand());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("invalid_client").contains("does not know the client id 'cli'")
                .contains("set JLOGIN_CLIENT_SECRET");
    }

    @Test
    void withASecretGivenTheRefusalSaysNothingAboutSettingOne() {
        cli.env.put("JLOGIN_CLIENT_SECRET", "wrong-secret");
        cli.server.enqueueDeviceReplies(Reply.json(401, Map.of("error", "invalid_client")));

        CliHarness.Result result = cli.run(new LoginCommand());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("invalid_client").doesNotContain("JLOGIN_CLIENT_SECRET").doesNotContain("wrong-secret");
    }
}
