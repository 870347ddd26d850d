package dev.jlogin.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.cli.CliHarness;
import dev.jlogin.cli.Command;
import dev.jlogin.cli.InProcessCommands;
import dev.jlogin.json.JsonObject;
import dev.jlogin.testing.FakeAuthorizationServer.Reply;
import dev.jlogin.testing.FakeAuthorizationServer;
import dev.jlogin.testing.JsonSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The five commands' contract (output channels, exit codes, no secrets), run in-process. */
class CommandsTest extends InProcessCommands {
    private String storedAccessToken() {
        return cli.server.requests().isEmpty() ? null
                : new dev.jlogin.store.TokenStore(home, Duration.ofSeconds(1)).read("default").get().tokens().accessToken().reveal();
    }

    /** What a failed login leaves: at most the settings it was attempted with, never a token. */
    private void assertNoTokensStored() {
        assertThat(new dev.jlogin.store.TokenStore(home, java.time.Duration.ofSeconds(1)).read("default")).isEmpty();
    }

    @Test
    void loginShowsTheCodeOnStderrAndWhoLoggedInOnStdout() {
        CliHarness.Result result = cli.login();

        assertThat(result.exit()).isZero();
        assertThat(result.err()).contains(FakeAuthorizationServer.USER_CODE).contains(cli.server.base() + "/activate")
                .contains("expires in 10 min");
        assertThat(result.out()).isEqualTo("Logged in to " + cli.server.issuer()
                + " as Alice Tester <alice@example.com> (profile 'default').\n");
        assertNoSecretIn(result);
        assertThat(cli.server.issuedSecrets()).anyMatch(s -> s.startsWith("dc-"));
    }

    @Test
    void loginJsonGivesTheCodeEventThenTheOutcome() throws Exception {
        CliHarness.Result result = cli.login("--json");

        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(2);
        JsonObject pending = JsonObject.parse(lines.get(0));
        assertThat(pending.asMap()).containsEntry("status", "pending").containsEntry("user_code", FakeAuthorizationServer.USER_CODE)
                .containsEntry("verification_uri", cli.server.base() + "/activate")
                .containsEntry("expires_at", "2026-01-01T00:10:00Z").containsKey("verification_uri_complete");
        JsonObject done = JsonObject.parse(lines.get(1));
        assertThat(done.asMap()).containsEntry("status", "logged_in").containsEntry("email", "alice@example.com")
                .containsEntry("subject", "user-1234").containsEntry("has_refresh_token", true);
        assertNoSecretIn(result);
    }

    @Test
    void deniedLoginExits4() {
        cli.onWait = cli.server::deny;
        CliHarness.Result result = cli.run(new LoginCommand());

        assertThat(result.exit()).isEqualTo(4);
        assertThat(result.err()).contains("denied");
        assertNoTokensStored();
    }

    @Test
    void expiredCodeExits5() {
        cli.server.enqueueTokenReplies(Reply.error(400, "expired_token"));

        assertThat(cli.run(new LoginCommand()).exit()).isEqualTo(5);
    }

    /** The hint of an expired code, pasted as it is, logs in: the settings given with flags were kept for it. */
    @Test
    void theRetryHintOfAnExpiredCodeWorksWithoutTheFlags() {
        cli.env.remove("JLOGIN_ISSUER");
        cli.env.remove("JLOGIN_CLIENT_ID");
        cli.server.enqueueTokenReplies(Reply.error(400, "expired_token"));

        CliHarness.Result expired = cli.run(new LoginCommand(), "--profile", "short", "--issuer", cli.server.issuer(),
                "--client-id", "cli");
        assertThat(expired.exit()).isEqualTo(5);
        assertThat(expired.err()).endsWith("; run login --profile short again\n");

        CliHarness.Result again = cli.login("--profile", "short");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("Logged in to " + cli.server.issuer());
    }

    @Test
    void theLocalDeadlineEndsALoginWithExit5() {
        cli.server.deviceResponse("expires_in", 12);
        cli.server.deviceResponse("interval", 5);

        CliHarness.Result result = cli.run(new LoginCommand());

        assertThat(result.exit()).isEqualTo(5);
        assertThat(cli.server.polls()).hasSize(2);
        assertThat(result.err()).contains("expired");
    }

    @Test
    void serverTextIsSanitisedBeforeItReachesTheTerminal() {
        cli.server.deviceResponse("user_code", "AB\u001b[2JCD");
        cli.server.enqueueTokenReplies(Reply.json(400, Map.of("error", "access_denied",
                "error_description", "no\u001b]0;pwned\u0007 way")));

        CliHarness.Result result = cli.run(new LoginCommand());

        assertThat(result.exit()).isEqualTo(4);
        assertThat(result.err()).contains("AB?[2JCD").doesNotContain("\u001b").doesNotContain("\u0007");
    }

    @Test
    void missingIssuerOrClientIdIsAUsageErrorThatSaysHowToSetIt() {
        cli.env.remove("JLOGIN_ISSUER");
        CliHarness.Result noIssuer = cli.run(new LoginCommand());
        assertThat(noIssuer.exit()).isEqualTo(2);
        assertThat(noIssuer.err()).contains("--issuer").contains("JLOGIN_ISSUER").contains("jlogin.issuer");
        assertThat(noIssuer.err().lines()).hasSize(1);

        cli.env.put("JLOGIN_ISSUER", cli.server.issuer());
        cli.env.remove("JLOGIN_CLIENT_ID");
        CliHarness.Result noClient = cli.run(new LoginCommand());
        assertThat(noClient.exit()).isEqualTo(2);
        assertThat(noClient.err()).contains("--client-id").contains("JLOGIN_CLIENT_ID");
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(cli.run(new LoginCommand(), "--bogus").exit()).isEqualTo(2);
        assertThat(cli.run(new LoginCommand(), "positional").exit()).isEqualTo(2);
        assertThat(cli.run(new TokenCommand(), "--min-valid", "soon").exit()).isEqualTo(2);
        assertThat(cli.run(new TokenCommand(), "--min-valid").exit()).isEqualTo(2);
        assertThat(cli.run(new LoginCommand(), "--profile", "../../etc").exit()).isEqualTo(2);
    }

    @Test
    void theSandboxsHelpListsOnlyItsOwnOptions() {
        CliHarness.Result result = cli.run(new dev.jlogin.sandbox.SandboxCommand(), "--help");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).startsWith("Usage: sandbox").contains("--tour").contains("Exit codes").doesNotContain("--issuer");
        assertThat(cli.run(new dev.jlogin.sandbox.SandboxCommand(), "--issuer", "x").exit()).isEqualTo(2);
    }

    @Test
    void aSandboxWhoseKeycloakFailsToStartKeepsItsLogAndSaysWhere() throws Exception {
        // a cached "distribution" whose kc.sh dies at once
        Path kcSh = home.resolve("cache/keycloak/keycloak-" + dev.jlogin.sandbox.KeycloakDistribution.VERSION + "/bin/kc.sh");
        Files.createDirectories(kcSh.getParent());
        Files.writeString(kcSh, "#!/bin/sh\necho 'no Keycloak here'\nexit 1\n");
        kcSh.toFile().setExecutable(true);
        Path tmp = Files.createDirectory(home.resolve("tmp"));
        cli.env.put("JLOGIN_CACHE", home.resolve("cache").toString());
        cli.env.put("TMPDIR", tmp.toString());

        CliHarness.Result result = cli.run(new dev.jlogin.sandbox.SandboxCommand());

        assertThat(result.exit()).isEqualTo(6);
        assertThat(result.err()).contains("no Keycloak here");
        List<Path> kept;
        try (var files = Files.list(tmp)) {
            kept = files.toList();
        }
        assertThat(kept).hasSize(1);
        Path log = kept.get(0).resolve("keycloak.log");
        assertThat(result.err()).contains("sandbox: Keycloak's log is kept in " + log);
        assertThat(log).content().contains("no Keycloak here");
    }

    @Test
    void badStoreSettingsAreUsageErrors() {
        cli.env.put("JLOGIN_LOCK_TIMEOUT", "soon");
        CliHarness.Result lockTimeout = cli.run(new TokenCommand());
        assertThat(lockTimeout.exit()).isEqualTo(2);
        assertThat(lockTimeout.err()).contains("JLOGIN_LOCK_TIMEOUT takes a whole number of seconds");

        cli.env.remove("JLOGIN_LOCK_TIMEOUT");
        cli.env.put("JLOGIN_STORE_FALLBACK", "vault");
        CliHarness.Result fallback = cli.run(new TokenCommand(), "--store", "keyring");
        assertThat(fallback.exit()).isEqualTo(2);
        assertThat(fallback.err()).contains("JLOGIN_STORE_FALLBACK can only be file");
    }

    @Test
    void whoamiJsonSanitisesServerSuppliedClaims() {
        cli.server.userName("Mallory \u202Egnp.exe\u001b[2J");
        cli.login();

        CliHarness.Result result = cli.run(new WhoamiCommand(), "--json");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("\"name\":\"Mallory ?gnp.exe?[2J\"");
    }

    @Test
    void helpIsOnStdoutAndListsTheExitCodes() {
        for (Command command : List.of(new LoginCommand(), new WhoamiCommand(), new RefreshCommand(), new RevokeCommand(),
                new TokenCommand(), new DoctorCommand())) {
            CliHarness.Result result = cli.run(command, "--help");
            assertThat(result.exit()).isZero();
            assertThat(result.out()).startsWith("Usage: " + command.name()).contains("Exit codes").contains("--json");
        }
    }

    @Test
    void anUnreachableServerExits6() {
        cli.env.put("JLOGIN_ISSUER", "http://127.0.0.1:1/nothing-here");

        CliHarness.Result result = cli.run(new LoginCommand(), "--json");

        assertThat(result.exit()).isEqualTo(6);
        assertThat(result.err()).contains("cannot reach");
        assertThat(result.out()).contains("\"exit_code\":6");
    }

    @Test
    void whoamiShowsTheUserButNoToken() {
        cli.login();

        CliHarness.Result result = cli.run(new WhoamiCommand());

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("Alice Tester <alice@example.com> [alice]").contains("user-1234")
                .contains("openid profile email").contains("valid until").contains(cli.server.issuer());
        assertNoSecretIn(result);
    }

    @Test
    void whoamiWithoutALoginExits3() {
        CliHarness.Result result = cli.run(new WhoamiCommand());

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.err()).contains("not logged in");
    }

    @Test
    void tokenIsPrintedIntoAPipe() {
        cli.login();

        CliHarness.Result result = cli.run(new TokenCommand());

        assertThat(result.exit()).isZero();
        assertThat(result.out().strip()).isEqualTo(storedAccessToken());
        assertThat(cli.server.accepts(result.out().strip())).isTrue();
        assertThat(result.err()).isEmpty();
    }

    @Test
    void tokenHeaderIsReadyForCurl() {
        cli.login();

        assertThat(cli.run(new TokenCommand(), "--header").out()).isEqualTo("Authorization: Bearer " + storedAccessToken() + "\n");
    }

    @Test
    void tokenRefusesATerminalUnlessForced() {
        cli.login();
        cli.terminal = true;

        CliHarness.Result refused = cli.run(new TokenCommand());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).contains("--force-terminal");

        CliHarness.Result forced = cli.run(new TokenCommand(), "--force-terminal");
        assertThat(forced.exit()).isZero();
        assertThat(forced.out().strip()).isEqualTo(storedAccessToken());
    }

    @Test
    void tokenJsonNeverHoldsTheToken() {
        cli.login();
        cli.terminal = true;

        CliHarness.Result result = cli.run(new TokenCommand(), "--json");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("\"expires_at\"").contains("\"token_type\":\"Bearer\"");
        assertNoSecretIn(result);
    }

    @Test
    void minValidLongerThanTheTokensLifeForcesARefresh() {
        cli.login();
        String before = storedAccessToken();

        CliHarness.Result result = cli.run(new TokenCommand(), "--min-valid", "400");

        assertThat(result.out().strip()).isNotEqualTo(before).isEqualTo(storedAccessToken());
        assertThat(cli.server.refreshes()).hasSize(1);
        assertThat(cli.run(new TokenCommand(), "--min-valid", "200").out().strip()).isEqualTo(storedAccessToken());
        assertThat(cli.server.refreshes()).hasSize(1);
    }

    @Test
    void aRejectedRefreshTokenExits3() {
        cli.login();
        cli.clock.advance(Duration.ofSeconds(600));
        cli.server.enqueueTokenReplies(Reply.error(400, "invalid_grant"));

        CliHarness.Result result = cli.run(new TokenCommand());

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aDamagedStoreExits7() throws Exception {
        cli.login();
        Files.writeString(home.resolve("profiles/default.json"), "{ not json");

        CliHarness.Result result = cli.run(new TokenCommand());

        assertThat(result.exit()).isEqualTo(7);
        assertThat(result.err()).contains("damaged");
    }

    @Test
    void aStoredLoginNamingNoServerIsADamagedStore() throws Exception {
        cli.login();
        Path file = home.resolve("profiles/default.json");
        // neither an issuer nor a token endpoint: nobody could refresh or revoke these tokens
        Files.writeString(file, Files.readString(file).replaceAll("\"issuer\"\\s*:\\s*\"[^\"]*\",?", ""));
        cli.env.remove("JLOGIN_ISSUER");
        cli.clock.advance(Duration.ofHours(2));

        for (Command command : List.of(new TokenCommand(), new WhoamiCommand(), new RefreshCommand(), new RevokeCommand())) {
            CliHarness.Result result = cli.run(command);
            assertThat(result.exit()).as(command.name() + ": " + result.err()).isEqualTo(7);
            assertThat(result.err()).contains("damaged").contains("neither an issuer nor a token endpoint");
        }
        // nor when the environment names a server without discovery
        cli.env.put("JLOGIN_DEVICE_ENDPOINT", cli.server.issuer() + "/device");
        cli.env.put("JLOGIN_TOKEN_ENDPOINT", cli.server.issuer() + "/token");
        assertThat(cli.run(new TokenCommand()).exit()).isEqualTo(7);
    }

    @Test
    void refreshReportsTheNewExpiryAndRotation() {
        cli.login();
        cli.clock.advance(Duration.ofSeconds(100));

        CliHarness.Result result = cli.run(new RefreshCommand());

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("valid until 2026-01-01T00:06:41Z").contains("rotated");
        assertNoSecretIn(result);
        assertThat(cli.run(new RefreshCommand(), "--json").out()).contains("\"refresh_token_rotated\":true");
    }

    @Test
    void revokeRevokesRefreshThenAccessTokenAndDeletesLocally() {
        cli.login();
        String access = storedAccessToken();

        CliHarness.Result result = cli.run(new RevokeCommand());

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("refresh token: revoked").contains("access token:  revoked")
                .contains("local tokens:  deleted").endsWith("Logged out Alice Tester <alice@example.com> from "
                        + cli.server.issuer() + ".\n");
        assertThat(cli.server.requests("/issuer/revoke")).extracting(r -> r.form().get("token_type_hint"))
                .containsExactly("refresh_token", "access_token");
        assertThat(cli.server.isRevoked(access)).isTrue();
        assertNoSecretIn(result);
        assertThat(cli.run(new TokenCommand()).exit()).isEqualTo(3);
        assertThat(cli.run(new RevokeCommand()).out()).contains("nothing to revoke");
    }

    @Test
    void revokeAllLogsOutOfEveryProfileEvenWhenOneFails() throws Exception {
        cli.login();
        String defaultAccess = storedAccessToken();
        cli.login("--profile", "work");
        cli.login("--profile", "broken");
        Files.writeString(home.resolve("profiles/broken.json"), "{ damaged");

        CliHarness.Result result = cli.run(new RevokeCommand(), "--all", "--json");

        assertThat(result.exit()).as(result.err()).isEqualTo(7);
        List<String> lines = result.out().lines().toList();
        JsonSchemas schemas = JsonSchemas.documented();
        assertThat(lines).hasSize(3).satisfiesExactlyInAnyOrder(
                l -> schemas.check("any command: error", l),
                l -> schemas.check("revoke", l),
                l -> schemas.check("revoke", l));
        assertThat(lines).anySatisfy(l -> assertThat(JsonObject.parse(l).asMap()).containsEntry("status", "error")
                .containsEntry("profile", "broken").containsEntry("exit_code", 7L));
        assertThat(lines).filteredOn(l -> l.contains("\"revoked\"")).extracting(l -> JsonObject.parse(l).requireString("profile"))
                .containsExactlyInAnyOrder("default", "work");
        assertThat(result.err()).contains("revoke: profile 'broken': ");
        assertThat(cli.server.isRevoked(defaultAccess)).isTrue();
        assertThat(cli.server.requests("/issuer/revoke")).hasSize(4);
        assertNoSecretIn(result);
        assertThat(cli.run(new TokenCommand(), "--profile", "work").exit()).isEqualTo(3);

        // status lists the damaged profile with its problem rather than failing as a whole
        CliHarness.Result status = cli.run(new StatusCommand());
        assertThat(status.exit()).isEqualTo(1);
        assertThat(status.out()).contains("broken").contains("damaged");
        assertThat(cli.run(new RevokeCommand(), "--all", "--profile", "work").exit()).isEqualTo(2);
    }

    @Test
    void conflictingFlowFlagsAreAUsageError() {
        for (String[] args : List.of(new String[] {"--browser", "--device"}, new String[] {"--browser", "--no-browser"},
                new String[] {"--flow", "device", "--browser"}, new String[] {"--flow", "browser", "--no-browser"})) {
            CliHarness.Result result = cli.login(args);
            assertThat(result.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(result.err()).contains("exclude each other").hasLineCount(1);
        }
        assertThat(cli.server.requests()).isEmpty();
    }

    private String storedFile() {
        try {
            return Files.readString(home.resolve("profiles/default.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void afterRevokeTheProfileKeepsItsSettingsAndCommandsSayNotLoggedIn() {
        cli.login("--scope", "openid email", "--profile", "work");
        cli.env.remove("JLOGIN_ISSUER");
        cli.env.remove("JLOGIN_CLIENT_ID");
        assertThat(cli.run(new RevokeCommand(), "--profile", "work").exit()).isZero();

        for (Command command : List.of(new TokenCommand(), new WhoamiCommand(), new RefreshCommand())) {
            CliHarness.Result result = cli.run(command, "--profile", "work");
            assertThat(result.exit()).as(command.name()).isEqualTo(3);
            assertThat(result.err()).isEqualTo(command.name()
                    + ": not logged in (profile 'work'); log in with: login --profile work\n");
        }
        CliHarness.Result again = cli.login("--profile", "work");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(cli.server.requests("/issuer/device").get(1).form()).containsEntry("client_id", "cli")
                .containsEntry("scope", "openid email");
        assertThat(cli.run(new TokenCommand(), "--profile", "work").exit()).isZero();
    }

    @Test
    void withoutAnyLoginCommandsSayWhichProfilesExistAndHowToLogIn() {
        cli.env.remove("JLOGIN_ISSUER");
        CliHarness.Result fresh = cli.run(new TokenCommand(), "--profile", "nosuch");
        assertThat(fresh.exit()).isEqualTo(3);
        assertThat(fresh.err()).isEqualTo("token: no login for profile 'nosuch' (no profile has logged in yet);"
                + " log in with: login --profile nosuch\n");

        cli.login("--issuer", cli.server.issuer(), "--profile", "work");
        cli.login("--issuer", cli.server.issuer());
        CliHarness.Result json = cli.run(new WhoamiCommand(), "--profile", "nosuch", "--json");
        assertThat(json.exit()).isEqualTo(3);
        assertThat(json.err()).isEqualTo("whoami: no login for profile 'nosuch' (known profiles: default, work);"
                + " log in with: login --profile nosuch\n");
        assertThat(json.out()).contains("\"exit_code\":3");
    }

    @Test
    void revokeWithoutARevocationEndpointSaysSoAndDeletesLocally() {
        cli.server.withoutRevocationEndpoint();
        cli.login();

        CliHarness.Result result = cli.run(new RevokeCommand(), "--json");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("no revocation endpoint").contains("\"local_tokens\":\"deleted; settings kept\"")
                .contains("\"user\":\"Alice Tester <alice@example.com>\"");
        assertThat(storedFile()).doesNotContain("tokens").contains(cli.server.issuer());
    }

    @Test
    void revokeThatTheServerCannotDoExits6ButStillDeletesLocally() {
        cli.login();
        cli.server.close();

        CliHarness.Result result = cli.run(new RevokeCommand());

        assertThat(result.exit()).isEqualTo(6);
        assertThat(result.out()).contains("not revoked").contains("deleted");
        // like every failure, one line on stderr
        assertThat(result.err().lines()).containsExactly("revoke: the server did not revoke every token; the local tokens are deleted");
        assertThat(storedFile()).doesNotContain("tokens");
    }

    @Test
    void doctorReportsTheFileStoreAndItsPermissions() throws Exception {
        cli.login();

        CliHarness.Result healthy = cli.run(new DoctorCommand());
        assertThat(healthy.exit()).as(healthy.out()).isZero();
        assertThat(healthy.out()).contains("store:         file (chosen by default").contains("login file:    rw-------")
                .contains("lock:          free").contains("present for " + cli.server.issuer()).contains("No problems found.");
        assertNoSecretIn(healthy);

        Files.setPosixFilePermissions(home.resolve("profiles/default.json"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        CliHarness.Result loose = cli.run(new DoctorCommand(), "--json");
        assertThat(loose.exit()).isEqualTo(7);
        assertThat(loose.out()).contains("accessible to other users (rw-r--r--); the next command that reads it resets it")
                .doesNotContain("\"logged_in\"");
        // doctor only looks
        assertThat(loose.err()).doesNotContain("permissions reset");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
                home.resolve("profiles/default.json")))).isEqualTo("rw-r--r--");
    }

    @Test
    void aTokenThatWouldInjectHeaderLinesIsRefusedAtLoginWithExit6() {
        cli.server.enqueueTokenReplies(Reply.json(200, Map.of("access_token", "AT-1\r\nX-Injected: yes", "token_type", "Bearer")));

        CliHarness.Result result = cli.login();

        assertThat(result.exit()).isEqualTo(6);
        assertThat(result.err()).contains("access_token").doesNotContain("X-Injected").doesNotContain("report");
        assertNoTokensStored();
    }

    @Test
    void aDPoPTokenIsNotHandedOutAsABearerToken() {
        cli.server.enqueueTokenReplies(Reply.json(200, Map.of("access_token", "AT-1", "token_type", "DPoP")));

        CliHarness.Result result = cli.login();

        assertThat(result.exit()).isEqualTo(6);
        assertThat(result.err()).contains("token_type");
        assertNoTokensStored();
    }

    @Test
    void aStoredTokenThatWouldInjectHeaderLinesIsNeverPrinted() throws Exception {
        cli.login();
        Path file = home.resolve("profiles/default.json");
        String stored = storedAccessToken();
        Files.writeString(file, Files.readString(file).replace(stored, "AT-1\\r\\nX-Injected: yes"));

        CliHarness.Result result = cli.run(new TokenCommand(), "--header");

        assertThat(result.exit()).isEqualTo(7);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("damaged").doesNotContain("X-Injected");
    }

    /** A lock that cannot be taken (here a directory in its place) is found before the user approves anything. */
    @Test
    void loginChecksTheStoreCanBeWrittenBeforeAskingForACode() throws Exception {
        Files.createDirectories(home.resolve("profiles/default.lock"));

        CliHarness.Result result = cli.login();

        assertThat(result.exit()).isEqualTo(7);
        assertThat(cli.server.requests("/issuer/device")).isEmpty();
        assertThat(result.err()).doesNotContain(FakeAuthorizationServer.USER_CODE);
    }

    private static final long HUGE = Long.MAX_VALUE;

    @Test
    void hugeLifetimesAndIntervalsAreClampedAndSaidSoWithVerbose() {
        cli.server.deviceResponse("expires_in", HUGE);
        cli.server.deviceResponse("interval", 1_000_000_000L);
        cli.server.enqueueTokenReplies(Reply.json(200, Map.of("access_token", "AT-1", "token_type", "Bearer",
                "expires_in", HUGE)));

        CliHarness.Result result = cli.login("--verbose");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.err()).contains("expires_in 9223372036854775807 s clamped to 3600 s")
                .contains("interval 1000000000 s clamped to 300 s")
                .contains("expires_in 9223372036854775807 s clamped to 31622400 s")
                .contains("the code expires in 1 h");
        assertThat(new dev.jlogin.store.TokenStore(home, Duration.ofSeconds(1)).read("default").get().tokens().expiresAt())
                .contains(cli.clock.instant().plus(Duration.ofDays(366)));
    }

    @Test
    void hugeWaitsFromTheServerDoNotCrashTheLogin() {
        cli.server.enqueueTokenReplies(Reply.json(400, Map.of("error", "slow_down", "interval", HUGE)),
                Reply.error(503, "temporarily_unavailable").withHeader("Retry-After", String.valueOf(HUGE)));

        CliHarness.Result result = cli.run(new LoginCommand());

        assertThat(result.exit()).as(result.err()).isEqualTo(5);
        assertThat(result.err()).contains("expired").doesNotContain("report");
    }

    @Test
    void hugeSecondsInSettingsAreUsageErrors() {
        cli.login();

        CliHarness.Result minValid = cli.run(new TokenCommand(), "--min-valid", String.valueOf(HUGE));
        assertThat(minValid.exit()).isEqualTo(2);
        assertThat(minValid.err()).contains("--min-valid takes a whole number of seconds, at most 31622400");

        cli.env.put("JLOGIN_LOCK_TIMEOUT", String.valueOf(HUGE));
        CliHarness.Result lockTimeout = cli.run(new RefreshCommand());
        assertThat(lockTimeout.exit()).isEqualTo(2);
        assertThat(lockTimeout.err()).contains("JLOGIN_LOCK_TIMEOUT takes a whole number of seconds");
        assertThat(cli.run(new TokenCommand(), "--min-valid", "99999999999999999999").exit()).isEqualTo(2);
    }

    @Test
    void doctorReportsEveryReasonTheMetadataCacheIsNotTrusted() throws Exception {
        cli.login();
        Path entry;
        try (var entries = Files.newDirectoryStream(home.resolve("cache/metadata"))) {
            entry = entries.iterator().next();
        }
        assertThat(cli.run(new DoctorCommand()).out()).contains("metadata cache: " + home.resolve("cache/metadata") + " (trusted)");

        Files.writeString(entry, Files.readString(entry).replaceFirst("\"fetched_at\"\\s*:\\s*\\d+", "\"fetched_at\": 99999999999")
                .replace(cli.server.issuer(), "https://evil.example"));
        CliHarness.Result content = cli.run(new DoctorCommand());
        assertThat(content.exit()).isEqualTo(7);
        assertThat(content.out()).contains("fetched in the future").contains("not hold the metadata of the issuer");

        Files.setPosixFilePermissions(entry, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
        Files.setAttribute(home.resolve("cache"), "unix:uid", 4242);
        CliHarness.Result folders = cli.run(new DoctorCommand());
        assertThat(folders.out()).contains(home.resolve("cache") + " belongs to another user (uid 4242)");
        Files.setAttribute(home.resolve("cache"), "unix:uid", 0);
        assertThat(cli.run(new DoctorCommand()).out()).contains(entry + " is accessible to other users (rw-rw-rw-)");

        Files.delete(entry);
        Files.createSymbolicLink(entry, home.resolve("profiles/default.json"));
        assertThat(cli.run(new DoctorCommand()).out()).contains(entry + " is a symbolic link");
    }

    @Test
    void theMemoryStoreKeepsTokensOffTheDisk() throws Exception {
        cli.env.put("JLOGIN_STORE", "memory");

        assertThat(cli.login("--profile", "in-memory").exit()).isZero();
        CliHarness.Result token = cli.run(new TokenCommand(), "--profile", "in-memory");

        assertThat(token.exit()).as(token.err()).isZero();
        assertThat(cli.server.accepts(token.out().strip())).isTrue();
        cli.clock.advance(Duration.ofHours(2));
        assertThat(cli.run(new WhoamiCommand(), "--profile", "in-memory").exit()).isZero();
        assertThat(cli.run(new RefreshCommand(), "--profile", "in-memory").exit()).isZero();
        CliHarness.Result status = cli.run(new StatusCommand(), "--profile", "in-memory");
        assertThat(status.out()).as(status.err()).contains("in-memory").contains("memory");
        assertThat(cli.run(new RevokeCommand(), "--profile", "in-memory").exit()).isZero();
        // as the README promises: no login, no lock file, no metadata cache, not even a folder
        try (Stream<Path> files = Files.list(home)) {
            assertThat(files).isEmpty();
        }
        assertThat(cli.run(new TokenCommand(), "--profile", "in-memory", "--store", "file").exit()).isEqualTo(3);
        assertThat(cli.run(new TokenCommand(), "--store", "vault").exit()).isEqualTo(2);
    }

    @Test
    void explicitEndpointsWorkWithoutDiscovery() {
        cli.env.remove("JLOGIN_ISSUER");
        String base = cli.server.issuer();

        CliHarness.Result result = cli.login("--device-endpoint", base + "/device", "--token-endpoint", base + "/token",
                "--userinfo-endpoint", base + "/userinfo");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("Logged in to " + base + "/token as Alice Tester");
        assertThat(cli.server.requests()).noneMatch(r -> r.path().contains(".well-known"));
        CliHarness.Result revoke = cli.run(new RevokeCommand());
        assertThat(revoke.out()).contains("no revocation endpoint");
    }

    @Test
    void commandsAfterLoginNeedNoFlagsOrEnvironment() {
        cli.login("--issuer", cli.server.issuer(), "--client-id", "cli", "--profile", "work");
        cli.env.remove("JLOGIN_ISSUER");
        cli.env.remove("JLOGIN_CLIENT_ID");

        assertThat(cli.run(new WhoamiCommand(), "--profile", "work").exit()).isZero();
        assertThat(cli.run(new WhoamiCommand()).exit()).isEqualTo(3);
    }

    /** --verbose shows the cause behind a failure's one line, as the JDK named it. */
    @Test
    void verboseShowsTheCauseOfAStoreFailure() throws Exception {
        java.nio.file.Files.createDirectories(home.resolve("profiles/default.json"));

        CliHarness.Result quiet = cli.run(new WhoamiCommand());
        CliHarness.Result verbose = cli.run(new WhoamiCommand(), "--verbose");

        assertThat(quiet.exit()).isEqualTo(7);
        assertThat(quiet.err().lines()).hasSize(1);
        assertThat(verbose.exit()).isEqualTo(7);
        assertThat(verbose.err().lines().skip(1)).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("  caused by: java."));
    }
}
