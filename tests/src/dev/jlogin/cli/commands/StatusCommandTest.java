package dev.jlogin.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.browser.BrowserLauncher;
import dev.jlogin.cli.CliHarness;
import dev.jlogin.cli.InProcessCommands;
import dev.jlogin.cli.launcher.Launcher;
import dev.jlogin.cli.terminal.Environment;
import dev.jlogin.json.JsonObject;
import dev.jlogin.testing.FakeAuthorizationServer.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code status}: every profile and whether it works; exit 1 when any does not, as gh auth status does. */
class StatusCommandTest extends InProcessCommands {
    @Test
    void withoutAnyProfileItSaysHowToLogInAndExits1() {
        CliHarness.Result result = cli.run(new StatusCommand());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("No profile has logged in yet; log in with: login\n");
    }

    @Test
    void everyProfileIsListedWithTheDefaultMarkedAndAProblemExits1() {
        cli.login();
        cli.login("--profile", "work");
        cli.run(new RevokeCommand(), "--profile", "work");

        CliHarness.Result result = cli.run(new StatusCommand());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).startsWith("default (default)\n").contains("\nwork\n")
                .contains("  issuer:   " + cli.server.issuer()).contains("  client:   cli")
                .contains("  store:    file ").contains("valid until").contains("refresh token stored")
                .contains("  status:   ok\n")
                .contains("  status:   problem: not logged in; log in with: login --profile work\n");
        assertNoSecretIn(result);

        cli.env.put("JLOGIN_PROFILE", "work");
        assertThat(cli.run(new StatusCommand()).out()).contains("\nwork (default: JLOGIN_PROFILE)\n");
    }

    @Test
    void statussOwnProfileOptionShowsAProfileWithoutMakingItTheDefault() throws Exception {
        cli.login("--profile", "short");

        CliHarness.Result text = cli.run(new StatusCommand(), "--profile", "short");
        CliHarness.Result json = cli.run(new StatusCommand(), "--profile", "short", "--json");

        assertThat(text.out()).startsWith("short\n");
        assertThat(JsonObject.parse(json.out()).asMap()).containsEntry("default_profile", "default")
                .containsEntry("default_profile_from", "default");
        assertThat(profiles(json).get(0)).containsEntry("profile", "short").containsEntry("default", false);

        cli.properties.setProperty("jlogin.profile", "short");
        assertThat(cli.run(new StatusCommand(), "--profile", "short").out()).startsWith("short (default: jlogin.profile)\n");
        assertThat(JsonObject.parse(cli.run(new StatusCommand(), "--json").out()).asMap())
                .containsEntry("default_profile", "short").containsEntry("default_profile_from", "jlogin.profile");
    }

    @Test
    void offlineAnExpiredTokenIsNotCalledOkAndThePrintedOnlineCheckTriesItsRefresh() throws Exception {
        cli.login();
        cli.clock.advance(Duration.ofDays(30));

        CliHarness.Result offline = cli.run(new StatusCommand());
        CliHarness.Result json = cli.run(new StatusCommand(), "--json");

        assertThat(offline.exit()).as("no problem found: nothing was tried").isZero();
        assertThat(offline.out()).contains("  token:    expired").doesNotContain("status:   ok");
        Matcher hint = Pattern.compile("\n  status:   expired, refresh untested \\((.+) tries it\\)\n").matcher(offline.out());
        assertThat(hint.find()).as(offline.out()).isTrue();
        assertThat(profiles(json).get(0)).containsEntry("status", "expired");
        assertThat(JsonObject.parse(json.out()).asMap()).containsEntry("status", "ok");
        assertThat(cli.server.refreshes()).isEmpty();

        // the check as printed: "status --online" (no launcher or catalog here)
        List<String> printed = List.of(hint.group(1).split(" "));
        assertThat(printed.get(0)).isEqualTo("status");
        CliHarness.Result online = cli.run(new StatusCommand(), printed.subList(1, printed.size()).toArray(String[]::new));

        assertThat(online.exit()).as(online.out()).isZero();
        assertThat(cli.server.refreshes()).hasSize(1);
        assertThat(online.out()).contains("  status:   ok (the server answered userinfo)\n");
    }

    @Test
    void onlineNothingSuggestsGoingOnlineAndAProfileNobodyIsLoggedInToHasNoUserLine() {
        cli.login();
        cli.run(new RevokeCommand());

        CliHarness.Result online = cli.run(new StatusCommand(), "--online");

        assertThat(online.exit()).isEqualTo(1);
        assertThat(online.out()).doesNotContain("--online").doesNotContain("user:")
                .contains("  status:   problem: not logged in; log in with: login\n");
    }

    @Test
    void withoutAnIdTokenTheUserIsUnknownAndOnlyTheOfflineViewSaysWhoToAsk() {
        cli.login(); // the fake server issues no ID token unless asked to

        assertThat(cli.run(new StatusCommand()).out()).contains("  user:     unknown (no ID token; status --online asks the server)\n");
        assertThat(cli.run(new StatusCommand(), "--online").out()).doesNotContain("--online");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> profiles(CliHarness.Result json) throws Exception {
        return (List<Map<String, Object>>) JsonObject.parse(json.out()).asMap().get("profiles");
    }

    @Test
    void eachProfileShowsTheProviderItLoggedInWith() throws Exception {
        cli.login();
        assertThat(cli.login("--profile", "work", "--provider", "keycloak").exit()).isZero();

        CliHarness.Result text = cli.run(new StatusCommand());
        CliHarness.Result json = cli.run(new StatusCommand(), "--json");

        assertThat(text.out()).containsPattern("default \\(default\\)\n  user: .*\n  provider: oidc\n")
                .containsPattern("\nwork\n  user: .*\n  provider: keycloak\n");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> profiles = (List<Map<String, Object>>) JsonObject.parse(json.out()).asMap().get("profiles");
        assertThat(profiles).extracting(p -> p.get("provider")).containsExactly("oidc", "keycloak");
    }

    @Test
    void allWellExits0AndJsonListsEveryProfile() throws Exception {
        cli.login();
        cli.login("--profile", "work");

        CliHarness.Result result = cli.run(new StatusCommand(), "--json");

        assertThat(result.exit()).as(result.out()).isZero();
        JsonObject json = JsonObject.parse(result.out());
        assertThat(json.asMap()).containsEntry("status", "ok").containsEntry("default_profile", "default");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> profiles = (List<Map<String, Object>>) json.asMap().get("profiles");
        assertThat(profiles).extracting(p -> p.get("profile")).containsExactly("default", "work");
        assertThat(profiles).allSatisfy(p -> assertThat(p).containsEntry("status", "ok")
                .containsEntry("issuer", cli.server.issuer()).containsEntry("client_id", "cli")
                .containsEntry("has_refresh_token", true).containsKey("expires_at"));
        assertThat(profiles.get(0)).containsEntry("default", true);
        assertNoSecretIn(result);
    }

    @Test
    void theInstalledLauncherRunsItAndListsIt() {
        cli.login();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        Environment env = new Environment(cli.env, cli.properties, java.io.InputStream.nullInputStream(), print, print,
                cli.clock, d -> { }, () -> false, () -> false, () -> false, () -> BrowserLauncher.NONE);

        assertThat(Launcher.run(new String[] {"status"}, env)).isZero();
        assertThat(Launcher.run(new String[] {"help"}, env)).isZero();
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).startsWith("default (default)\n")
                .contains("  status          every profile");
    }

    @Test
    void onlineAsksTheServerAndReportsARefusedLogin() {
        cli.login();
        cli.login("--profile", "work");
        cli.clock.advance(Duration.ofHours(2));

        CliHarness.Result offline = cli.run(new StatusCommand());
        assertThat(offline.exit()).isZero();
        assertThat(cli.server.refreshes()).isEmpty();

        cli.server.enqueueTokenReplies(Reply.error(400, "invalid_grant"));
        CliHarness.Result online = cli.run(new StatusCommand(), "--online", "--json");

        assertThat(online.exit()).isEqualTo(1);
        assertThat(cli.server.refreshes()).hasSize(2);
        assertThat(online.out()).contains("\"status\":\"problem\"").contains("invalid_grant")
                .contains("\"checked_with\":\"userinfo\"").contains("\"user\":\"Alice Tester <alice@example.com>\"");
        assertNoSecretIn(online);
    }
}
