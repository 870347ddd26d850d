package dev.jlogin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.json.JsonObject;
import dev.jlogin.testing.FakeAuthorizationServer.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
        assertThat(cli.run(new StatusCommand()).out()).contains("\nwork (default)\n");
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
