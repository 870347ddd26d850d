package dev.jlogin.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.cli.CliHarness;
import dev.jlogin.cli.InProcessCommands;
import dev.jlogin.json.JsonObject;
import dev.jlogin.testing.JsonSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit}: every profile classified from what the store recorded at login and refresh, and
 * each policy rule it breaks (exit 1), offline, in text and in the README's JSON schema, with no
 * token anywhere.
 */
class AuditCommandTest extends InProcessCommands {
    private final JsonSchemas schemas = JsonSchemas.documented();

    private JsonObject audit(int exit) throws Exception {
        CliHarness.Result result = cli.run(new AuditCommand(), "--json");
        assertThat(result.exit()).as(result.err()).isEqualTo(exit);
        assertNoSecretIn(result);
        schemas.check("audit", result.out().strip());
        return JsonObject.parse(result.out().strip());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> profile(JsonObject audit, String name) {
        return ((List<Map<String, Object>>) audit.asMap().get("profiles")).stream().filter(p -> p.get("profile").equals(name))
                .findFirst().orElseThrow();
    }

    /** Where device management puts the policy: outside the jlogin home (and removed with the test). */
    @TempDir
    Path outside;

    private void policy(String text) throws Exception {
        Path file = Files.writeString(outside.resolve("policy.properties"), text);
        cli.env.put("JLOGIN_POLICY_FILE", file.toString());
    }

    @Test
    void aLoginIsClassifiedFromWhatWasRecordedAndWithoutAPolicyNothingIsViolated() throws Exception {
        assertThat(cli.login().exit()).isZero();
        cli.clock.advance(Duration.ofMinutes(10));
        assertThat(cli.run(new RefreshCommand()).exit()).isZero();
        int requests = cli.server.requests().size();

        JsonObject audit = audit(0);

        assertThat(audit.asMap()).containsEntry("status", "ok").containsEntry("policy", "none");
        Map<String, Object> p = profile(audit, "default");
        assertThat(p).containsEntry("status", "logged_in").containsEntry("issuer", cli.server.issuer())
                .containsEntry("provider", "oidc").containsEntry("client_id", "cli").containsEntry("client_type", "public")
                .containsEntry("flow", "device").containsEntry("scopes", List.of("openid", "profile", "email"))
                .containsEntry("access_token_lifetime_s", 300L).containsEntry("session_started_at", "2026-01-01T00:00:01Z")
                .containsEntry("last_refresh_at", "2026-01-01T00:10:01Z").containsEntry("revocation", "defined")
                .containsEntry("id_token", "none").containsEntry("violations", List.of());
        assertThat(p.get("refresh_token")).isEqualTo(Map.of("present", true));
        assertThat(p.get("store")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("kind", "file").containsEntry("location", "file " + home.resolve("profiles"));
        assertThat(cli.server.requests()).as("offline: no request").hasSize(requests);
    }

    @Test
    void eachRuleALoginBreaksIsListedWithWhereItIsSetAndTheAuditExits1() throws Exception {
        assertThat(cli.login().exit()).isZero();
        cli.server.withoutRevocationEndpoint();
        assertThat(cli.login("--profile", "old", "--issuer", cli.server.issuer()).exit()).isZero();
        Path old = home.resolve("profiles/old.json");
        Files.writeString(old, Files.readString(old).replaceAll(",\\s*\"session\"\\s*:\\s*\\{[^}]*}", "")); // before facts were kept
        cli.clock.advance(Duration.ofHours(2));
        policy("store = keyring\nmax-session = 1h\nflows = browser\nrequire-verified-id-token = true\nscopes = openid profile\n");

        JsonObject audit = audit(1);

        assertThat(audit.asMap()).containsEntry("status", "violations").containsEntry("policy", "set");
        assertThat(keys(profile(audit, "default"))).containsExactly("store", "max-session", "flows", "require-verified-id-token",
                "scopes");
        assertThat(keys(profile(audit, "old"))).containsExactly("store", "max-session", "flows", "require-verified-id-token",
                "scopes");
        assertThat(profile(audit, "old")).containsEntry("flow", "unknown").containsEntry("client_type", "unknown")
                .containsEntry("id_token", "unknown");
        assertThat(messages(profile(audit, "default"))).contains("kept in the file store, which the organisation's policy forbids"
                + " (store = keyring, set in " + cli.env.get("JLOGIN_POLICY_FILE") + ")", "it holds the scope email, which the"
                + " organisation's policy forbids (scopes = openid profile, set in " + cli.env.get("JLOGIN_POLICY_FILE") + ")");

        CliHarness.Result text = cli.run(new AuditCommand());
        assertThat(text.exit()).isEqualTo(1);
        assertThat(text.out()).contains("  violates max-session: the login started at 2026-01-01T00:00:01Z, longer ago than allowed, which the",
                "  access token lifetime (s): 300",
                "  flow:                      device", "Some profile breaks the organisation's policy.");
        assertNoSecretIn(text);
    }

    @Test
    void aServerThatCannotRevokeBreaksRequireRevocation() throws Exception {
        cli.server.withoutRevocationEndpoint();
        assertThat(cli.login().exit()).isZero();
        policy("require-revocation = true\n");

        Map<String, Object> p = profile(audit(1), "default");

        assertThat(p).containsEntry("revocation", "none");
        assertThat(keys(p)).containsExactly("require-revocation");
    }

    @Test
    void offlineWithoutTheDiscoveryCacheRevocationIsUnknownAndOnlineTheServerIsAsked() throws Exception {
        assertThat(cli.login().exit()).isZero();
        deleteTree(home.resolve("cache"));

        assertThat(profile(audit(0), "default")).containsEntry("revocation", "unknown");
        int discoveries = cli.server.requests("/issuer/.well-known/openid-configuration").size();
        CliHarness.Result online = cli.run(new AuditCommand(), "--online", "--json");
        assertThat(online.exit()).as(online.err()).isZero();
        assertThat(online.out()).contains("\"revocation\":\"defined\"");
        assertThat(cli.server.requests("/issuer/.well-known/openid-configuration")).hasSize(discoveries + 1);
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void loggedOutAndDamagedProfilesAreListedToo() throws Exception {
        assertThat(cli.login().exit()).isZero();
        assertThat(cli.login("--profile", "gone").exit()).isZero();
        assertThat(cli.run(new RevokeCommand(), "--profile", "gone").exit()).isZero();
        assertThat(cli.login("--profile", "broken").exit()).isZero();
        Files.writeString(home.resolve("profiles/broken.json"), "{ damaged");

        JsonObject audit = audit(0);

        assertThat(profile(audit, "gone")).containsEntry("status", "logged_out").containsEntry("violations", List.of());
        assertThat(profile(audit, "broken")).containsEntry("status", "damaged").containsKey("problem");
    }

    @Test
    void aBrowserLoginIsRecordedAsSuch() throws Exception {
        cli.server.offerBrowserLogin();
        cli.server.idTokens(cli.server::idToken);
        cli.browser = new dev.jlogin.testing.TestBrowser();
        assertThat(cli.login("--browser").exit()).isZero();

        assertThat(profile(audit(0), "default")).containsEntry("flow", "browser").containsEntry("id_token", "verified");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLifecycleLogHasALineForEveryLoginRefreshRefusalAndLogoutAndNoToken() throws Exception {
        assertThat(cli.login().exit()).isZero();
        assertThat(cli.run(new RefreshCommand()).exit()).isZero();
        cli.properties.setProperty("jlogin.policy.scopes", "openid");
        assertThat(cli.login("--scope", "openid admin").exit()).isEqualTo(2);
        cli.properties.remove("jlogin.policy.scopes");
        cli.server.enqueueTokenReplies(dev.jlogin.testing.FakeAuthorizationServer.Reply.error(400, "invalid_grant"));
        assertThat(cli.run(new RefreshCommand()).exit()).isEqualTo(3);
        assertThat(cli.login().exit()).isZero();
        assertThat(cli.run(new RevokeCommand()).exit()).isZero();

        CliHarness.Result result = cli.run(new AuditCommand(), "--log", "--json");

        assertThat(result.exit()).as(result.err()).isZero();
        assertNoSecretIn(result);
        assertThat(Files.readString(home.resolve("log/lifecycle.jsonl"))).satisfies(text ->
                cli.server.issuedSecrets().forEach(secret -> assertThat(text).doesNotContain(secret)));
        schemas.check("audit --log", result.out().strip());
        List<Map<String, Object>> events = (List<Map<String, Object>>) JsonObject.parse(result.out().strip()).asMap().get("events");
        assertThat(events).extracting(e -> e.get("event")).containsExactly("login", "refresh", "policy_refusal", "refresh_failed",
                "login", "logout");
        assertThat(events.get(0)).containsEntry("profile", "default").containsEntry("flow", "device")
                .containsEntry("client_id", "cli").containsEntry("issuer", cli.server.issuer());
        assertThat(events.get(1)).containsEntry("rotated", true);
        assertThat(events.get(2)).containsEntry("rule", "scopes");
        assertThat(events.get(3)).containsEntry("error", "invalid_grant");
        assertThat(events.get(5)).containsEntry("revocation_complete", true);
        assertThat(cli.run(new AuditCommand(), "--log").out()).contains("  default  logout  ", "6 events in ");
    }

    @SuppressWarnings("unchecked")
    private static List<String> keys(Map<String, Object> profile) {
        return ((List<Map<String, Object>>) profile.get("violations")).stream().map(v -> (String) v.get("key")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> messages(Map<String, Object> profile) {
        return ((List<Map<String, Object>>) profile.get("violations")).stream().map(v -> (String) v.get("message")).toList();
    }
}
