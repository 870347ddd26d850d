package dev.jlogin.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jlogin.store.TokenStore;
import dev.jlogin.testing.FakeAuthorizationServer;
import dev.jlogin.testing.FullTier;
import dev.jlogin.testing.JBang;
import dev.jlogin.testing.Logins;
import dev.jlogin.testing.OrgCatalog;
import dev.jlogin.testing.StaticFileServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The real scripts, run through the catalog as subprocesses, against the in-process fake server:
 * output channels, exit codes, and no token on stdout or stderr of login/whoami/refresh/revoke.
 */
@FullTier
class ScriptsTest extends FakeServerScripts {
    private void assertNoSecretIn(JBang.Result result) {
        for (String secret : server.issuedSecrets()) {
            assertThat(result.both()).doesNotContain(secret);
        }
    }

    /** Runs login (through {@code aliasRef}) and approves at the fake server once the code was requested. */
    private JBang.Result login(String aliasRef, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = aliasRef;
        System.arraycopy(args, 0, all, 1, args.length);
        JBang.Running running = jbang.start(all);
        await().atMost(Duration.ofMinutes(3)).until(() -> !server.requests("/issuer/device").isEmpty()
                || !running.process().isAlive());
        server.approve();
        return running.await();
    }

    @Test
    void theWholeLifecycleThroughTheCatalog() {
        JBang.Result login = login(alias("login"), "--no-browser");
        assertThat(login.exit()).as(login.err()).isZero();
        assertThat(login.err()).contains(FakeAuthorizationServer.USER_CODE).contains(server.base() + "/activate");
        assertThat(login.out()).contains("Logged in to " + server.issuer() + " as Alice Tester <alice@example.com>");
        assertNoSecretIn(login);

        JBang.Result whoami = jbang.run(alias("whoami"));
        assertThat(whoami.exit()).as(whoami.err()).isZero();
        assertThat(whoami.out()).contains("alice@example.com").contains("user-1234");
        assertNoSecretIn(whoami);

        JBang.Result token = jbang.run(alias("token"));
        assertThat(token.exit()).as(token.err()).isZero();
        String accessToken = token.out().strip();
        assertThat(server.accepts(accessToken)).isTrue();
        assertThat(token.err()).isEmpty();

        JBang.Result header = jbang.shell("\"$JBANG\" " + alias("token") + " --header | cat");
        assertThat(header.out()).isEqualTo("Authorization: Bearer " + accessToken + "\n");

        JBang.Result refresh = jbang.run(alias("refresh"));
        assertThat(refresh.exit()).as(refresh.err()).isZero();
        assertThat(refresh.out()).contains("valid until").contains("rotated");
        assertThat(server.refreshes()).hasSize(1);
        assertNoSecretIn(refresh);

        JBang.Result revoke = jbang.run(alias("revoke"));
        assertThat(revoke.exit()).as(revoke.err()).isZero();
        assertThat(revoke.out()).contains("refresh token: revoked").contains("access token:  revoked").contains("deleted");
        assertNoSecretIn(revoke);

        JBang.Result after = jbang.run(alias("token"));
        assertThat(after.exit()).isEqualTo(3);
        assertThat(after.out()).isEmpty();
        assertThat(after.err()).contains("not logged in");

        JBang.Result status = jbang.run(alias("status"));
        assertThat(status.exit()).as(status.err()).isEqualTo(1);
        assertThat(status.out()).startsWith("default (default)\n").contains("  issuer:   " + server.issuer())
                .contains("problem: not logged in; log in with: " + JBang.fromThisClone("login"));
    }

    @Test
    void theJloginAliasOfAnOrganisationsCatalogListsTheCommandsAndRunsThem() {
        env.remove("JLOGIN_ISSUER");
        env.remove("JLOGIN_CLIENT_ID");
        Path acme = OrgCatalog.write(home.resolve("acme"), server.issuer(), "acme-cli", "jlogin");
        String jlogin = "jlogin@" + acme;

        JBang.Result list = jbang.run(jlogin);
        assertThat(list.exit()).as(list.err()).isEqualTo(2);
        assertThat(list.out()).startsWith("Usage: jbang " + jlogin + " COMMAND").contains("\n  token ", "\n  login ");

        JBang.Result login = login(jlogin, "login", "--no-browser");
        assertThat(login.exit()).as(login.err()).isZero();
        assertThat(server.requests("/issuer/device").get(0).form()).containsEntry("client_id", "acme-cli");
        JBang.Result token = jbang.run(jlogin, "token");
        assertThat(token.exit()).as(token.err()).isZero();
        assertThat(server.accepts(token.out().strip())).isTrue();
        assertThat(jbang.run(jlogin, "token", "-h").out()).startsWith("Usage: jbang token@" + acme);
    }

    @Test
    void tokenRefusesToPrintToATerminal() {
        assertThat(login(alias("login"), "--no-browser").exit()).isZero();

        // script(1) gives the command a pseudo-terminal as stdout
        JBang.Result onTerminal = jbang.shell("script -qec '\"$JBANG\" " + alias("token") + "' /dev/null");

        assertThat(onTerminal.exit()).isEqualTo(2);
        assertThat(onTerminal.out()).contains("refusing to print a token to a terminal");
        assertNoSecretIn(onTerminal);
    }

    @Test
    void aHostThatCannotBeResolvedIsNamed() throws Exception {
        // an empty hosts file as the JVM's only resolver: no name resolves, and no DNS query leaves the machine
        Path hosts = Files.writeString(home.resolve("no-hosts"), "");
        env.put("JAVA_TOOL_OPTIONS", "-Djdk.net.hosts.file=" + hosts);

        JBang.Result result = jbang.run(alias("login"), "--issuer", "https://idp.example.test/realms/acme", "--no-browser");

        assertThat(result.exit()).isEqualTo(6);
        assertThat(result.err()).contains("login: cannot resolve idp.example.test (check the URL")
                .doesNotContain("refused");
    }

    @Test
    void exitCodesOfTheScriptsAreTheDocumentedOnes() {
        env.remove("JLOGIN_ISSUER");
        JBang.Result noIssuer = jbang.run(alias("login"));
        assertThat(noIssuer.exit()).isEqualTo(2);
        assertThat(noIssuer.err()).contains("JLOGIN_ISSUER").doesNotContain("Exception").doesNotContain("\tat ");

        assertThat(jbang.run(alias("whoami"), "--bogus").exit()).isEqualTo(2);
        assertThat(jbang.run(alias("refresh"), "--issuer", server.issuer()).exit()).isEqualTo(3);

        server.deny();
        env.put("JLOGIN_ISSUER", server.issuer());
        JBang.Result denied = jbang.run(alias("login"), "--no-browser");
        assertThat(denied.exit()).isEqualTo(4);
    }

    @Test
    void anOrganisationCatalogPointsAtOursWithItsSettings() throws Exception {
        Path org = home.resolve("acme");
        Files.createDirectories(org);
        String properties = "{\"jlogin.issuer\": \"" + server.issuer() + "\", \"jlogin.client-id\": \"acme-cli\"}";
        Files.writeString(org.resolve("jbang-catalog.json"), "{\"aliases\": {"
                + "\"login\": {\"script-ref\": \"login@" + JBang.CATALOG + "\", \"properties\": " + properties + "},"
                + "\"token\": {\"script-ref\": \"token@" + JBang.CATALOG + "\", \"properties\": " + properties + "}}}");
        env.remove("JLOGIN_ISSUER");
        env.remove("JLOGIN_CLIENT_ID");

        JBang.Result login = login("login@" + org.resolve("jbang-catalog.json"), "--no-browser", "--json");

        assertThat(login.exit()).as(login.err()).isZero();
        assertThat(login.out()).contains("\"client_id\":\"acme-cli\"").contains("\"issuer\":\"" + server.issuer() + "\"");
        assertThat(server.requests("/issuer/device").get(0).form()).containsEntry("client_id", "acme-cli");
        JBang.Result token = jbang.run("token@" + org.resolve("jbang-catalog.json"));
        assertThat(token.exit()).as(token.err()).isZero();
        assertThat(server.accepts(token.out().strip())).isTrue();
    }

    /**
     * Side by side with the sandbox's build over HTTP: each compiles into a JBang cache of its own
     * (javac takes one core), and the login it needs is written to the store, not made with the
     * local scripts, whose shared cache another test may be building.
     */
    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void theCatalogWorksWhenServedOverHttp() {
        FakeAuthorizationServer.Minted minted = server.mint();
        new TokenStore(home.resolve("jlogin"), Duration.ofSeconds(5)).write("default",
                Logins.login(server.issuer(), minted.accessToken(), minted.refreshToken(), Instant.now().plusSeconds(3600)));
        try (StaticFileServer web = new StaticFileServer(JBang.REPO)) {
            // a fresh JBang cache, so that nothing compiled from the local files can stand in
            env.put("JBANG_DIR", home.resolve("remote-jbang").toString());

            JBang.Result whoami = jbang.run("whoami@" + web.url("jbang-catalog.json"), "--json");

            assertThat(whoami.exit()).as(whoami.err()).isZero();
            assertThat(whoami.out()).contains("\"email\":\"alice@example.com\"");
            assertThat(web.served()).contains("jbang-catalog.json", "scripts/whoami.java", "lib/JLogin.java",
                    "lib/src/dev/jlogin/cli/commands/WhoamiCommand.java");
        }
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void theSandboxBuildsFromItsOwnAnchorWhenServedOverHttp() {
        try (StaticFileServer web = new StaticFileServer(JBang.REPO)) {
            env.put("JBANG_DIR", home.resolve("remote-jbang").toString());

            // --help compiles the whole tool and its library without starting Keycloak
            JBang.Result help = jbang.run("sandbox@" + web.url("jbang-catalog.json"), "--help");

            assertThat(help.exit()).as(help.err()).isZero();
            // the usage line names the clone by absolute paths, so it may wrap at 80 columns
            assertThat(help.out().replaceAll("\\s+", " ")).startsWith("Usage: " + JBang.fromThisClone("sandbox") + " ")
                    .contains("--tour");
            assertThat(web.served()).contains("scripts/sandbox.java", "sandbox/Sandbox.java",
                    "sandbox/src/dev/jlogin/sandbox/SandboxCommand.java",
                    "lib/src/dev/jlogin/cli/Cli.java");
        }
    }

    @Test
    void theJShellAliasHasTheLibraryImported() {
        JBang.Result result = jbang.shell("printf '%s\\n' 'System.out.println(\"redacted? \" + Secret.of(\"abc\"));' "
                + "'System.out.println(SettingsResolver.DEFAULT_PROFILE);' '/exit' | \"$JBANG\" " + alias("jshell"));

        assertThat(result.out()).as(result.err()).contains("redacted? [redacted]").contains("default");
    }
}
