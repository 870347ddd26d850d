package dev.jlogin.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.cli.CliHarness;
import dev.jlogin.cli.InProcessCommands;
import dev.jlogin.json.JsonObject;
import dev.jlogin.testing.SigningKeys;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What a user sees of ID-token verification (OIDC Core §3.1.3.7): {@code login} refuses to store
 * an ID token that fails its checks, and {@code whoami} labels ID-token claims verified, expired,
 * unchecked or rejected, on the terminal and in {@code --json}.
 */
class IdTokenCommandsTest extends InProcessCommands {

    private JsonObject whoamiJson() throws Exception {
        CliHarness.Result result = cli.run(new WhoamiCommand(), "--json");
        assertThat(result.exit()).as(result.err()).isZero();
        assertNoSecretIn(result);
        return JsonObject.parse(result.out().strip());
    }

    @Test
    void aGoodIdTokenIsStoredAndWhoamiSaysItIsVerified() throws Exception {
        cli.server.idTokens(cli.server::idToken);
        CliHarness.Result login = cli.login();
        assertThat(login.exit()).as(login.err()).isZero();
        assertNoSecretIn(login);

        CliHarness.Result text = cli.run(new WhoamiCommand());
        assertThat(text.out()).contains("ID token:      verified (RS256 signature by the issuer's key");
        assertNoSecretIn(text);
        JsonObject json = whoamiJson();
        assertThat(json.string("id_token")).contains("verified");
        assertThat(json.has("id_token_problem")).isFalse();
        assertThat(json.string("identity_source")).contains("userinfo");
        assertThat(cli.server.requests("/issuer/jwks")).hasSize(3); // once per process: login, whoami, whoami
    }

    /** OIDC Core §5.3.2: a userinfo answer about another subject must not be shown beside a verified ID token. */
    @Test
    void aUserinfoAnswerAboutSomeoneElseIsNotUsed() throws Exception {
        cli.server.idTokens(cli.server::idToken);
        cli.server.userinfoClaims(java.util.Map.of("sub", "user-666", "name", "Mallory Admin", "email", "mallory@example.com"));
        assertThat(cli.login().exit()).isZero();

        CliHarness.Result text = cli.run(new WhoamiCommand());
        assertThat(text.out()).contains("user:          Alice Tester <alice@example.com>").doesNotContain("Mallory")
                .contains("warning:       the userinfo endpoint named another subject (user-666), not the ID token's;"
                        + " its answer is not used (OpenID Connect Core 5.3.2)")
                .contains("ID token:      verified");
        JsonObject json = whoamiJson();
        assertThat(json.string("subject")).contains("user-1234");
        assertThat(json.string("identity_source")).contains("id_token");
        assertThat(json.string("identity_problem").orElseThrow()).contains("another subject (user-666)");
    }

    @Test
    void anIdTokenSignedWithAnotherKeyFailsTheLoginAndNothingIsStored() {
        cli.server.idTokens(now -> SigningKeys.sign(SigningKeys.header("RS256", "k1"),
                SigningKeys.claims(cli.server.issuer(), "cli", now), SigningKeys.rotatedRsa().getPrivate()));

        CliHarness.Result login = cli.login("--json");

        assertThat(login.exit()).isEqualTo(6);
        assertThat(login.err()).contains("the server's ID token failed verification: the ID token's RS256 signature is not valid")
                .contains("no token was stored");
        assertThat(login.out()).contains("\"exit_code\":6");
        assertNoSecretIn(login);
        assertThat(cli.run(new WhoamiCommand()).exit()).isEqualTo(3);
    }

    @Test
    void anIdTokenAlreadyExpiredAtLoginFailsIt() {
        cli.server.idTokens(now -> cli.server.idToken(now.minus(Duration.ofHours(1))));

        CliHarness.Result login = cli.login();

        assertThat(login.exit()).isEqualTo(6);
        assertThat(login.err()).contains("the server's ID token failed verification: signed by the issuer, but expired at")
                .contains("no token was stored");
        assertThat(cli.run(new WhoamiCommand()).exit()).isEqualTo(3);
    }

    @Test
    void anIdTokenForAnotherClientFailsTheLogin() {
        cli.server.idTokens(now -> SigningKeys.sign(SigningKeys.header("RS256", "k1"),
                SigningKeys.claims(cli.server.issuer(), "someone-else", now), SigningKeys.rsa().getPrivate()));

        CliHarness.Result login = cli.login();

        assertThat(login.exit()).isEqualTo(6);
        assertThat(login.err()).contains("not meant for client cli");
    }

    @Test
    void whenTheKeySetCannotBeHadTheLoginIsKeptAndWhoamiSaysUnchecked() throws Exception {
        cli.server.idTokens(cli.server::idToken);
        cli.server.jwks("<html>maintenance</html>");

        CliHarness.Result login = cli.login();
        assertThat(login.exit()).as(login.err()).isZero();
        assertThat(login.err()).contains("warning: the ID token could not be verified: the issuer's key set at");

        JsonObject json = whoamiJson();
        assertThat(json.string("id_token")).contains("unchecked");
        assertThat(json.string("id_token_problem").orElseThrow()).contains("malformed");
    }

    /** ID tokens live minutes, logins hours: a genuine but expired one is labelled expired, not rejected. */
    @Test
    void anExpiredIdTokenOfAValidLoginIsLabelledExpired() throws Exception {
        cli.server.accessTokenLifetime(3600);
        cli.server.idTokens(cli.server::idToken);
        cli.login();
        cli.clock.advance(Duration.ofMinutes(30));

        JsonObject json = whoamiJson();
        assertThat(json.string("id_token")).contains("expired");
        assertThat(json.string("id_token_problem").orElseThrow()).startsWith("signed by the issuer, but expired at 20");
        assertThat(cli.run(new WhoamiCommand()).out()).contains("ID token:      expired (signed by the issuer, but expired at");
    }

    @Test
    void withoutAnIdTokenWhoamiSaysNone() throws Exception {
        cli.login();

        assertThat(whoamiJson().string("id_token")).contains("none");
        assertThat(cli.run(new WhoamiCommand()).out()).contains("ID token:      none");
        assertThat(cli.server.requests("/issuer/jwks")).isEmpty();
    }
}
