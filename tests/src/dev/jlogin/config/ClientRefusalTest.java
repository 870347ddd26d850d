package dev.jlogin.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.cli.CliHarness;
import dev.jlogin.cli.InProcessCommands;
import dev.jlogin.cli.commands.LoginCommand;
import dev.jlogin.testing.FakeAuthorizationServer.Reply;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A refused client, answered as each provider documents it: where the server says that it does not
 * know the client id, or that it wants a confidential client's secret, the message says which;
 * where it does not (RFC 6749 §5.2's invalid_client covers both), it names both, the unknown
 * client id first, so that a mistyped --client-id does not send the user looking for a secret.
 */
class ClientRefusalTest extends InProcessCommands {
    private static final String UNKNOWN = "the server does not know the client id 'cli'";
    private static final String SECRET = "set JLOGIN_CLIENT_SECRET";

    /** What the message should say about the client. */
    enum Said {
        UNKNOWN_CLIENT, SECRET_REQUIRED, BOTH, THE_PROVIDERS_WORDS
    }

    @ParameterizedTest(name = "{0} {1} HTTP {2} {3}: {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // RFC 6749 §5.2, from any server
            "oidc     | device | 401 | invalid_client       | -                                                       | BOTH",
            "oidc     | token  | 400 | invalid_client       | Client authentication failed                            | BOTH",
            // Keycloak: invalid_client for a client it does not know, unauthorized_client with 401 for a missing secret
            "oidc     | device | 401 | unauthorized_client  | Invalid client or Invalid client credentials            | SECRET_REQUIRED",
            "KEYCLOAK | device | 401 | invalid_client       | Invalid client or Invalid client credentials            | UNKNOWN_CLIENT",
            "KEYCLOAK | device | 401 | unauthorized_client  | Invalid client or Invalid client credentials            | SECRET_REQUIRED",
            // Okta: its words for an unknown client id; its other invalid_client may mean either
            "OKTA     | device | 400 | invalid_client       | Invalid value for 'client_id' parameter.                | UNKNOWN_CLIENT",
            "OKTA     | token  | 401 | invalid_client       | Client authentication failed. Either the client or the client credentials are invalid. | BOTH",
            // Entra: AADSTS700016 no such application, AADSTS7000218 a secret (or public client flows) needed
            "ENTRA    | device | 400 | unauthorized_client  | AADSTS700016: Application with identifier 'cli' was not found in the directory 'Contoso'. | UNKNOWN_CLIENT",
            "ENTRA    | token  | 401 | invalid_client       | AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'. | SECRET_REQUIRED",
            // Google, which gets its secret: a client id it does not know
            "GOOGLE   | device | 401 | invalid_client       | The OAuth client was not found.                          | UNKNOWN_CLIENT",
            // Auth0 says the same for an unknown client id and for an app without the device grant
            "AUTH0    | device | 403 | unauthorized_client  | Unauthorized or unknown client                           | THE_PROVIDERS_WORDS",
            // GitHub needs no secret in the device flow: its own code for a client id it does not know
            "GITHUB   | token  | 200 | incorrect_client_credentials | The client_id is not valid.                      | THE_PROVIDERS_WORDS"})
    void theMessageSaysWhichWhereTheServerDoesAndNamesBothTheUnknownClientFirstWhereItDoesNot(String provider, String endpoint,
                                                                                             int status, String error,
                                                                                             String description, Said said) {
        if (!provider.equals("oidc")) {
            ProviderReplays.valueOf(provider).apply(cli);
        }
        Map<String, Object> body = new LinkedHashMap<>(Map.of("error", error));
        if (description != null) {
            body.put("error_description", description);
        }
        if (endpoint.equals("device")) {
            cli.server.enqueueDeviceReplies(Reply.json(status, body));
        } else {
            cli.server.enqueueTokenReplies(Reply.json(status, body));
        }

        CliHarness.Result result = cli.run(new LoginCommand());

        assertThat(result.exit()).as(result.err()).isEqualTo(2);
        // a refusal at the token endpoint comes after the code was shown: the failure is the last line
        String failure = result.err().lines().reduce((first, last) -> last).orElseThrow();
        // what to do comes beside the code, before the server's words, which a long line loses first
        assertThat(failure).startsWith("login: ").contains(error);
        switch (said) {
            case UNKNOWN_CLIENT -> assertThat(failure).contains(UNKNOWN).doesNotContain("JLOGIN_CLIENT_SECRET");
            case SECRET_REQUIRED -> assertThat(failure).contains(SECRET).doesNotContain(UNKNOWN);
            case BOTH -> assertThat(failure).contains(UNKNOWN).contains(SECRET)
                    .satisfies(f -> assertThat(f.indexOf(UNKNOWN)).as("the unknown client id first").isLessThan(f.indexOf(SECRET)));
            case THE_PROVIDERS_WORDS -> assertThat(failure).contains("does not know this client id")
                    .doesNotContain("JLOGIN_CLIENT_SECRET");
        }
        assertNoSecretIn(result);
        assertThat(result.err()).doesNotContain("GOCSPX-google-client-secret");
    }
}
