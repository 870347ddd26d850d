package dev.jlogin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.cli.commands.AuditCommand;
import dev.jlogin.cli.commands.DoctorCommand;
import dev.jlogin.cli.commands.LoginCommand;
import dev.jlogin.cli.commands.RefreshCommand;
import dev.jlogin.cli.commands.RevokeCommand;
import dev.jlogin.cli.commands.StatusCommand;
import dev.jlogin.cli.commands.TokenCommand;
import dev.jlogin.cli.commands.WhoamiCommand;
import dev.jlogin.cli.launcher.InstallCommand;
import dev.jlogin.testing.JsonSchemas;
import dev.jlogin.testing.TestBrowser;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every command's {@code --json} output against the schemas in docs/commands.md's "JSON output"
 * section (parsed from that page, so the two cannot drift): each field documented with its type,
 * no undocumented field, every required one present, one timestamp format, and every documented
 * {@code status} value produced by some run.
 */
class JsonSchemaTest extends InProcessCommands {
    /** Checked by the tests that run them for real: install needs a built launcher, sandbox a Keycloak. */
    private static final Set<String> CHECKED_ELSEWHERE = Set.of("install", "sandbox");

    private final JsonSchemas schemas = JsonSchemas.documented();
    private final Set<String> checked = new LinkedHashSet<>();

    private CliHarness.Result json(String schema, int exit, Command command, String... args) {
        CliHarness.Result result = command instanceof LoginCommand ? cli.login(args) : cli.run(command, args);
        assertThat(result.exit()).as(result.err()).isEqualTo(exit);
        List<String> lines = result.out().lines().toList();
        assertThat(lines).as(command.name()).hasSize(1);
        check(schema, lines.get(0));
        assertNoSecretIn(result);
        return result;
    }

    private void check(String schema, String line) {
        schemas.check(schema, line);
        checked.add(schema);
    }

    @Test
    void everyCommandsJsonMatchesItsSchemaInTheReadme() throws Exception {
        cli.env.put("HOME", home.toString());
        cli.clock.advance(Duration.ofMillis(250)); // so a timestamp written with its fraction would show
        cli.server.idTokens(cli.server::idToken);
        cli.server.offerBrowserLogin(); // the first login still uses the device flow: no browser opens here
        cli.server.offerTokenExchange();

        // before any login
        json("any command: error", 3, new WhoamiCommand(), "--json");
        json("any command: error", 2, new WhoamiCommand(), "--json", "--bogus"); // the line is wrong, but asks for JSON
        cli.env.put("JLOGIN_LOCK_TIMEOUT", "soon");
        json("any command: error", 2, new TokenCommand(), "--json");
        cli.env.remove("JLOGIN_LOCK_TIMEOUT");
        json("status", 1, new StatusCommand(), "--json");
        json("revoke", 0, new RevokeCommand(), "--json");

        CliHarness.Result login = cli.login("--json");
        assertThat(login.exit()).as(login.err()).isZero();
        List<String> lines = login.out().lines().toList();
        assertThat(lines).hasSize(2);
        check("login: code ready", lines.get(0));
        check("login and whoami", lines.get(1));
        assertNoSecretIn(login);

        json("login and whoami", 0, new WhoamiCommand(), "--json");
        cli.browser = new TestBrowser();
        login = cli.login("--json", "--browser");
        assertThat(login.exit()).as(login.err()).isZero();
        lines = login.out().lines().toList();
        assertThat(lines).hasSize(2);
        check("login: browser opened", lines.get(0));
        check("login and whoami", lines.get(1));
        assertNoSecretIn(login);

        json("refresh", 0, new RefreshCommand(), "--json");
        json("token", 0, new TokenCommand(), "--json");
        json("token", 0, new TokenCommand(), "--json", "--audience", "orders-api", "--scope", "read");
        json("login and whoami", 0, new WhoamiCommand(), "--json"); // now with a token for another API
        json("status", 0, new StatusCommand(), "--json");
        cli.clock.advance(Duration.ofDays(1));
        json("status", 0, new StatusCommand(), "--json"); // expired, its refresh untested
        json("status", 0, new StatusCommand(), "--json", "--online");
        json("audit", 0, new AuditCommand(), "--json");
        cli.properties.setProperty("jlogin.policy.max-session", "1h");
        json("audit", 1, new AuditCommand(), "--json");
        cli.properties.remove("jlogin.policy.max-session");
        json("audit --log", 0, new AuditCommand(), "--log", "--json");
        json("doctor", 0, new DoctorCommand(), "--json");
        Files.setPosixFilePermissions(home.resolve("profiles/default.json"), PosixFilePermissions.fromString("rw-r--r--"));
        json("doctor", 7, new DoctorCommand(), "--json");

        json("revoke", 0, new RevokeCommand(), "--json");
        json("status", 1, new StatusCommand(), "--json");
        json("install --uninstall", 0, new InstallCommand(), "--json", "--uninstall", "--name", "schema-test",
                "--bin-dir", home.resolve("bin").toString());

        Set<String> documented = new LinkedHashSet<>(schemas.names());
        documented.removeAll(CHECKED_ELSEWHERE);
        assertThat(checked).containsExactlyInAnyOrderElementsOf(documented);
        for (String schema : checked) {
            if (!schema.equals("any command: error")) {
                assertThat(schemas.unseenValues(schema, "status")).as(schema + ": status values never produced").isEmpty();
            }
        }
        assertThat(schemas.unseenValues("status", "profiles[].status")).as("a profile's status values never produced").isEmpty();
    }
}
