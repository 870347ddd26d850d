package dev.jlogin.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.cli.CliHarness;
import dev.jlogin.cli.InProcessCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The organisation's policy as users meet it: each key refuses what it forbids with one line that
 * says which rule, where it is set and what to do, and exit 2 (a login too old for the policy is
 * "login required", exit 3, with the command that logs in again); the policy file wins over the
 * catalog's properties, and both over flags.
 */
class PolicyCommandsTest extends InProcessCommands {
    /** Where device management puts the policy: outside the jlogin home (and removed with the test). */
    @TempDir
    Path outside;
    private Path policyFile;

    @BeforeEach
    void policyFile() {
        policyFile = outside.resolve("policy.properties");
    }

    /** The policy file device management would install, named as JLOGIN_POLICY_FILE. */
    private void policy(String text) throws Exception {
        Files.writeString(policyFile, text);
        cli.env.put("JLOGIN_POLICY_FILE", policyFile.toString());
    }

    /** Refused with {@code exit}: the last line of stderr (after a login's screen, if it got so far) says why. */
    private static void assertRefused(CliHarness.Result result, int exit, String... parts) {
        assertThat(result.exit()).as(result.err()).isEqualTo(exit);
        List<String> lines = result.err().lines().toList();
        assertThat(lines.get(lines.size() - 1)).contains(parts);
        assertThat(result.err()).doesNotContain("Exception");
    }

    @Test
    void theFileStoreIsRefusedWhereOnlyTheKeyringIsAllowedAndNothingIsWritten() throws Exception {
        policy("store = keyring\n");

        assertRefused(cli.login(), 2, "login: the file store was chosen, which the organisation's policy forbids (store = keyring, set in "
                + policyFile + "); use keyring (--store, JLOGIN_STORE)");
        assertRefused(cli.run(new TokenCommand()), 2, "store = keyring");
        assertThat(home.resolve("profiles")).doesNotExist();
        assertThat(cli.server.requests()).isEmpty();
    }

    @Test
    void theFileWinsOverTheCatalogAndBothOverFlags() throws Exception {
        cli.properties.setProperty("jlogin.policy.store", "file");
        assertThat(cli.login("--store", "file").exit()).isZero();

        policy("store = keyring\n");
        assertRefused(cli.run(new TokenCommand()), 2, "store = keyring, set in " + policyFile);
        assertRefused(cli.run(new WhoamiCommand(), "--store", "file"), 2, "store = keyring");
    }

    @Test
    void aLoginOlderThanMaxSessionIsLoginRequiredWithTheCommandToLogInAgain() throws Exception {
        cli.properties.setProperty("jlogin.policy.max-session", "12h");
        assertThat(cli.login().exit()).isZero();

        cli.clock.advance(Duration.ofHours(11)); // the access token has long expired: a refresh within the session is fine
        assertThat(cli.run(new TokenCommand()).exit()).isZero();
        assertThat(cli.run(new RefreshCommand()).exit()).isZero();

        cli.clock.advance(Duration.ofHours(1));
        int requests = cli.server.requests().size();
        assertRefused(cli.run(new TokenCommand()), 3, "token: session older than the organisation allows (max-session = 12h,"
                + " set in the catalog property jlogin.policy.max-session); log in with: ");
        assertRefused(cli.run(new RefreshCommand()), 3, "session older than the organisation allows");
        assertRefused(cli.run(new WhoamiCommand()), 3, "session older than the organisation allows");
        assertThat(cli.server.requests()).hasSize(requests);

        // logging out still works, and a new login starts a new session
        assertThat(cli.run(new RevokeCommand()).exit()).isZero();
        assertThat(cli.login().exit()).isZero();
        assertThat(cli.run(new TokenCommand()).exit()).isZero();
    }

    @Test
    void aLoginWhoseStartWasNotRecordedCountsAsTooOld() throws Exception {
        assertThat(cli.login().exit()).isZero();
        Path file = home.resolve("profiles/default.json");
        String stored = Files.readString(file);
        assertThat(stored).contains("\"started_at\"");
        Files.writeString(file, stored.replaceAll(",\\s*\"session\"\\s*:\\s*\\{[^}]*}", "")); // as stored before facts were kept

        policy("max-session = 7d\n");
        assertRefused(cli.run(new TokenCommand()), 3, "(max-session = 7d, set in " + policyFile
                + "; this login's start was not recorded); log in with: ");
    }

    @Test
    void aForbiddenFlowIsRefusedBeforeAnythingIsAskedAndAutoTakesTheAllowedOne() throws Exception {
        cli.server.offerBrowserLogin();
        policy("flows = browser\n");

        assertRefused(cli.login("--device"), 2, "login: a login in the device flow was asked for, which the organisation's"
                + " policy forbids (flows = browser, set in " + policyFile + "); log in with --flow browser (or JLOGIN_FLOW)");
        assertThat(cli.server.requests("/issuer/device")).isEmpty();

        policy("flows = device\n");
        cli.browser = dev.jlogin.browser.BrowserLauncher.NONE;
        assertThat(cli.login("--json").out()).contains("\"flow\":\"device\"");
    }

    @Test
    void aScopeBeyondThePolicysListIsRefused() throws Exception {
        cli.properties.setProperty("jlogin.policy.scopes", "openid profile email");

        assertRefused(cli.login("--scope", "openid admin"), 2, "the login asks for the scope admin, which the organisation's policy"
                + " forbids (scopes = openid profile email, set in the catalog property jlogin.policy.scopes); ask only for"
                + " openid profile email (--scope)");
        assertThat(cli.server.requests("/issuer/device")).isEmpty();
        assertThat(cli.login("--scope", "openid email").exit()).isZero();
    }

    @Test
    void aServerThatCannotRevokeIsRefusedWhenRevocationIsRequired() throws Exception {
        cli.server.withoutRevocationEndpoint();
        policy("require-revocation = true\n");

        assertRefused(cli.login(), 2, "the server names no revocation endpoint, so this login could not be revoked, which the"
                + " organisation's policy forbids (require-revocation = true");
        assertThat(cli.server.requests("/issuer/device")).isEmpty();
    }

    @Test
    void aLoginWithoutAVerifiedIdTokenIsNotStoredWhenOneIsRequired() throws Exception {
        policy("require-verified-id-token = true\n");

        assertRefused(cli.login(), 2, "the server issued no ID token, which the organisation's policy forbids"
                + " (require-verified-id-token = true", "no token was stored");
        assertRefused(cli.run(new TokenCommand()), 3, "not logged in");

        cli.server.idTokens(cli.server::idToken);
        assertThat(cli.login().exit()).isZero();
        assertThat(cli.run(new TokenCommand()).exit()).isZero();
    }

    @Test
    void anUnknownKeyOrAMissingPolicyFileStopsEveryCommandWithExit2() throws Exception {
        policy("store = keyring\nmax_session = 12h\n");
        assertRefused(cli.run(new TokenCommand()), 2, "unknown policy key 'max_session' (in " + policyFile + ")");
        assertRefused(cli.login(), 2, "unknown policy key 'max_session'");

        Files.delete(policyFile);
        assertRefused(cli.run(new TokenCommand()), 2, "the organisation's policy file " + policyFile
                + " cannot be used: no such file");
    }
}
