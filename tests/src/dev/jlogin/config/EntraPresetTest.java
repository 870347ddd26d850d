package dev.jlogin.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.cli.CliHarness;
import dev.jlogin.cli.InProcessCommands;
import dev.jlogin.cli.commands.DoctorCommand;
import dev.jlogin.cli.commands.LoginCommand;
import dev.jlogin.cli.commands.RefreshCommand;
import dev.jlogin.cli.commands.RevokeCommand;
import dev.jlogin.cli.commands.TokenCommand;
import dev.jlogin.cli.commands.WhoamiCommand;
import dev.jlogin.testing.FakeAuthorizationServer.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --provider entra} against a server replaying the Microsoft identity platform's device
 * authorization grant (v2.0): tenant URLs, the templated issuer of {@code organizations}, the
 * {@code message} field, {@code authorization_declined}, AADSTS codes, no revocation endpoint.
 */
class EntraPresetTest extends InProcessCommands {

    @BeforeEach
    void replayEntra() {
        ProviderReplays.ENTRA.apply(cli);
    }

    /** An error as Entra sends it: the AADSTS code first, then trace and correlation ids on further lines. */
    private static Reply aadsts(String error, int code, String text) {
        return Reply.json(400, Map.of("error", error,
                "error_description", "AADSTS" + code + ": " + text + "\r\nTrace ID: 0000aaaa-11bb-cccc-dd22-eeeeee333333"
                        + "\r\nCorrelation ID: aaaa0000-bb11-2222-33cc-444444dddddd\r\nTimestamp: 2026-01-01 00:00:05Z",
                "error_codes", List.of(code), "timestamp", "2026-01-01 00:00:05Z",
                "error_uri", "https://login.microsoftonline.com/error?code=" + code));
    }

    @Test
    void logsInToTheOrganizationsEndpointWhoseMetadataHasATemplatedIssuerAskingForOfflineAccess() {
        cli.server.enqueueTokenReplies(aadsts("authorization_pending", 70016,
                "OAuth 2.0 device flow error. Authorization is pending. Continue polling."));

        CliHarness.Result result = cli.login();

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(cli.server.requests("/organizations/v2.0/.well-known/openid-configuration")).isNotEmpty();
        assertThat(cli.server.requests("/organizations/oauth2/v2.0/devicecode")).singleElement()
                .satisfies(r -> assertThat(r.form().get("scope")).isEqualTo("openid profile email offline_access"));
        assertThat(result.err()).contains("https://microsoft.com/devicelogin").doesNotContain("filled in")
                .doesNotContain("Warning");
        assertThat(result.out()).contains("Logged in to " + cli.server.base() + "/organizations/v2.0 as Alice Tester");
        assertThat(cli.run(new WhoamiCommand()).exit()).isZero();
        assertThat(cli.run(new RefreshCommand()).exit()).isZero();
        assertThat(cli.server.refreshes()).hasSize(1);
        // the templated metadata is cached under the configured tenant URL like any other
        assertThat(cli.server.requests("/organizations/v2.0/.well-known/openid-configuration")).hasSize(1);
        CliHarness.Result doctor = cli.run(new DoctorCommand());
        assertThat(doctor.both()).doesNotContain("does not hold the metadata");
    }

    @Test
    void theMessageForTheUserIsPassedOnToToolsThatWrapTheLoginButTheScreenStaysOurs() throws Exception {
        CliHarness.Result result = cli.login("--json");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(dev.jlogin.json.JsonObject.parse(result.out().lines().findFirst().orElseThrow()).asMap())
                .containsEntry("message", "To sign in, use a web browser to open the page https://microsoft.com/devicelogin"
                        + " and enter the code WDJB-MJHT to authenticate.")
                .doesNotContainKey("verification_uri_complete");
        assertThat(result.err()).doesNotContain("To sign in, use a web browser");
    }

    @Test
    void theTemplatedIssuerIsAcceptedOnlyForEntra() {
        cli.env.put("JLOGIN_PROVIDER", "oidc");
        cli.env.put("JLOGIN_ISSUER", cli.server.base() + "/organizations/v2.0");

        CliHarness.Result result = cli.login();

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("issuer mismatch");
    }

    @Test
    void aVerificationHostEntraDoesNotDocumentIsStillWarnedAbout() {
        cli.server.deviceResponse("verification_uri", "https://microsoft-login.example/devicelogin");

        CliHarness.Result result = cli.login();

        assertThat(result.err()).contains("Warning: microsoft-login.example is not 127.0.0.1");
    }

    @Test
    void aDeclinedAuthorizationIsADenial() {
        cli.server.enqueueTokenReplies(aadsts("authorization_declined", 70000, "The user declined the request."));

        CliHarness.Result result = cli.run(new LoginCommand());

        assertThat(result.exit()).isEqualTo(4);
        assertThat(result.err()).contains("denied");
    }

    @Test
    void conditionalAccessBlockingTheDeviceCodeFlowIsSaidInPlainWordsWithoutTheTraceLines() {
        cli.server.enqueueTokenReplies(aadsts("invalid_grant", 53003,
                "Access has been blocked by Conditional Access policies. The access policy does not allow token issuance."));

        CliHarness.Result result = cli.run(new LoginCommand());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("AADSTS53003: Access has been blocked by Conditional Access policies")
                .contains("the tenant's Conditional Access policy blocks this sign-in").doesNotContain("Trace ID");
    }

    @Test
    void aRegistrationWithoutPublicClientFlowsIsAConfigurationError() {
        cli.server.enqueueTokenReplies(aadsts("invalid_client", 7000218,
                "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."));

        CliHarness.Result result = cli.run(new LoginCommand());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("Allow public client flows");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "invalid_request | 90002 | Tenant 'contoso.example' not found. | no such tenant",
            "unauthorized_client | 700016 | Application with identifier 'cli' was not found in the directory. | no such application in this tenant"})
    void anUnknownTenantOrApplicationIsSaidInPlainWords(String error, int code, String text, String words) {
        cli.server.enqueueDeviceReplies(aadsts(error, code, text));

        CliHarness.Result result = cli.run(new LoginCommand());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains(words).contains("AADSTS" + code);
    }

    @Test
    void revokeSaysThereIsNoRevocationEndpointAndDeletesLocally() {
        cli.login();

        CliHarness.Result result = cli.run(new RevokeCommand());

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("no revocation endpoint");
        assertThat(cli.run(new TokenCommand()).exit()).isEqualTo(3);
    }
}
