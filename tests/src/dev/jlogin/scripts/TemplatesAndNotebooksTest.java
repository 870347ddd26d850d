package dev.jlogin.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jlogin.cli.Invocation;
import dev.jlogin.testing.JBang;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The catalog's templates, generated with {@code jbang init -t} as a platform team's user would,
 * and the repository's notebooks, each run non-interactively against the fake server: they log in
 * (approved at the fake server while they wait), say who, and call an API with the token.
 */
class TemplatesAndNotebooksTest extends FakeServerScripts {

    @Test
    void theRunbookTemplateMakesAScriptThatLogsInWhenNeededAndCallsAnApi() throws Exception {
        generate("runbook", "mytask.java");
        assertThat(Files.readString(home.resolve("mytask.java"))).contains("class mytask", "JLogin.builder()",
                ".property(\"issuer\", \"" + server.issuer() + "\")");
        withoutSettingsInTheEnvironment();

        String first = approvedRun("mytask.java");
        assertThat(first).contains("Running as Alice Tester <alice@example.com> at " + server.issuer(), "answered 200",
                "\"email\":\"alice@example.com\"");

        JBang.Result again = jbang.run("mytask.java", server.issuer() + "/userinfo");
        assertThat(again.exit()).as(again.both()).isZero();
        assertThat(again.out()).contains("Running as Alice Tester");
        assertThat(server.requests("/issuer/device")).as("the second run uses the stored login").hasSize(1);
        assertNoSecretIn(first + again.both());
    }

    @Test
    void theNotebookTemplateMakesANotebookThatRuns() throws Exception {
        generate("notebook", "mynotes.jsh");
        withoutSettingsInTheEnvironment();

        String transcript = approvedRun("mynotes.jsh");

        assertThat(transcript).contains("Logged in as Alice Tester <alice@example.com>", "answered 200");
        assertNoSecretIn(transcript);
    }

    @Test
    void theOnboardingNotebookLogsInShowsWhoAndCallsAnApi() {
        String transcript = approvedRun(JBang.REPO.resolve("notebooks/onboarding.jsh").toString());

        assertThat(transcript).contains("To log in, open this link", "You are Alice Tester <alice@example.com>",
                "Your token: AccessToken[value=[redacted]", "answered 200: ").doesNotContain("Exception", "|  Error");
        assertNoSecretIn(transcript);
    }

    @Test
    void theTokenLifecycleNotebookRefreshesAndLogsOutAfterOnboarding() {
        approvedRun(JBang.REPO.resolve("notebooks/onboarding.jsh").toString());

        JBang.Result result = jbang.run(JBang.REPO.resolve("notebooks/token-lifecycle.jsh").toString());

        String transcript = result.both();
        assertThat(result.exit()).as(transcript).isZero();
        assertThat(transcript).contains("Logged in: Alice Tester", "refresh token rotated",
                "Logged out Alice Tester <alice@example.com> from " + server.issuer(),
                "After logging out: LOGIN_REQUIRED").doesNotContain("Exception", "|  Error");
        assertThat(server.refreshes()).hasSize(1);
        assertNoSecretIn(transcript);
    }

    /** Without a login the notebook ends at its first step: one line saying how to log in, exit 3. */
    @Test
    void theTokenLifecycleNotebookWithoutALoginEndsInOneLineNamingTheLoginCommand() {
        JBang.Result result = jbang.shell("cd " + Invocation.quote(JBang.REPO.toString()) + " && ./jbang notebooks/token-lifecycle.jsh");

        assertThat(result.exit()).as(result.both()).isEqualTo(3);
        assertThat(ourLines(result.err())).singleElement().asString().startsWith("token-lifecycle: not logged in")
                .endsWith("; log in with: ./jbang login@jbang-catalog.json");
        assertThat(result.out()).isEmpty();
    }

    /** What the script wrote on stderr, without JBang's lines about building it and JShell's about its modules. */
    private static List<String> ourLines(String stderr) {
        return stderr.lines().filter(l -> !l.startsWith("[jbang]") && !l.startsWith("WARNING: Using incubator modules")).toList();
    }

    private void generate(String template, String file) {
        JBang.Result init = jbang.run("init", "-t", template + "@" + JBang.CATALOG,
                "-Dlibrary=" + JBang.REPO.resolve("lib/JLogin.java"), "-Dissuer=" + server.issuer(), "-DclientId=cli", file);
        assertThat(init.exit()).as(init.both()).isZero();
    }

    /** The generated file must carry the settings itself. */
    private void withoutSettingsInTheEnvironment() {
        env.remove("JLOGIN_ISSUER");
        env.remove("JLOGIN_CLIENT_ID");
    }

    /** Runs {@code script} with the userinfo URL as the API to call, approving its login once it asks. */
    private String approvedRun(String script) {
        int before = server.requests("/issuer/device").size();
        JBang.Running running = jbang.start(script, server.issuer() + "/userinfo");
        await().atMost(Duration.ofMinutes(3)).until(() -> server.requests("/issuer/device").size() > before
                || !running.process().isAlive());
        server.approve();
        JBang.Result result = running.await();
        assertThat(result.exit()).as(result.both()).isZero();
        return result.both();
    }

    private void assertNoSecretIn(String transcript) {
        assertThat(server.issuedSecrets()).isNotEmpty();
        server.issuedSecrets().forEach(secret -> assertThat(transcript).doesNotContain(secret));
    }
}
