package dev.jlogin.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jlogin.cli.Invocation;
import dev.jlogin.testing.FullTier;
import dev.jlogin.testing.JBang;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Runbooks and notebooks written by {@code new} as the README shows, from the clone's root and from
 * another folder, and the repository's notebooks, each run non-interactively against the fake
 * server: they log in (approved at the fake server while they wait), say who, and call an API with
 * the token. A failure ends each of them with one line and the jlogin scripts' exit code.
 */
@FullTier
class RunbooksAndNotebooksTest extends FakeServerScripts {
    private static final String CLONE = Invocation.quote(JBang.REPO.toString());

    @Test
    void aRunbookWrittenFromTheClonesRootRunsFromAnyFolder() throws Exception {
        Path task = Files.createDirectories(home.resolve("tasks")).resolve("my_task.java");
        withoutSettingsInTheEnvironment();
        JBang.Result written = jbang.shell("cd " + CLONE + " && ./jbang new@jbang-catalog.json runbook " + task
                + " --issuer " + server.issuer() + " --client-id cli");

        assertThat(written.exit()).as(written.err()).isZero();
        assertThat(written.out()).contains("Wrote " + task + " (a runbook).", "\n  ./jbang " + task + "\n");
        assertThat(Files.readString(task)).contains("//DEPS " + JBang.REPO.resolve("lib/JLogin.java"), "class my_task",
                ".property(\"issuer\", \"" + server.issuer() + "\")", ".property(\"client-id\", \"cli\")");

        Path elsewhere = Files.createDirectories(home.resolve("elsewhere"));
        String run = "cd " + elsewhere + " && " + JBang.REPO.resolve("jbang") + " ../tasks/my_task.java " + server.issuer() + "/userinfo";
        String first = approvedRun(() -> jbang.startShell(run));
        assertThat(first).contains("Running as Alice Tester <alice@example.com> at " + server.issuer(), "answered 200",
                "\"email\":\"alice@example.com\"");

        JBang.Result again = jbang.shell(run);
        assertThat(again.exit()).as(again.both()).isZero();
        assertThat(again.out()).contains("Running as Alice Tester");
        assertThat(server.requests("/issuer/device")).as("the second run uses the stored login").hasSize(1);
        assertNoSecretIn(first + again.both());
    }

    @Test
    void aNotebookWrittenFromAnotherFolderRunsAsPrinted() throws Exception {
        Path work = Files.createDirectories(home.resolve("work"));
        withoutSettingsInTheEnvironment();
        JBang.Result written = jbang.shell("cd " + work + " && " + JBang.REPO.resolve("jbang") + " new@" + JBang.CATALOG
                + " notebook my_notes --issuer " + server.issuer() + " --client-id cli");

        assertThat(written.exit()).as(written.err()).isZero();
        List<String> printed = written.out().lines().toList();
        assertThat(printed).containsExactly("Wrote my_notes.jsh (a notebook). Run it, with API URLs to call as arguments:",
                "  " + JBang.REPO.resolve("jbang") + " my_notes.jsh", "or step by step in JShell:",
                "  " + JBang.REPO.resolve("jbang") + " --interactive my_notes.jsh");
        String transcript = approvedRun(() -> jbang.startShell("cd " + work + " && " + printed.get(1).strip() + " "
                + server.issuer() + "/userinfo"));

        assertThat(transcript).contains("Logged in as Alice Tester <alice@example.com>", "answered 200");
        assertNoSecretIn(transcript);
    }

    /** Quotes, backslashes, line breaks and what looks like code reach the library as they were given. */
    @Test
    void theSettingsAreJavaStringsThatNoValueBreaksOrAddsTo() throws Exception {
        String clientId = "cli\"); System.exit(9); //\n\\u000a \\\" */ caf\u00e9 \u2028";
        withoutSettingsInTheEnvironment();
        assertThat(jbang.run(alias("new"), "runbook", "odd_client.java", "--issuer", server.issuer(), "--client-id", clientId).exit())
                .isZero();

        JBang.Running running = jbang.start("odd_client.java");
        await().atMost(Duration.ofMinutes(3)).until(() -> !server.requests("/issuer/device").isEmpty() || !running.process().isAlive());
        server.deny();
        JBang.Result denied = running.await();

        assertThat(server.requests("/issuer/device")).singleElement()
                .satisfies(request -> assertThat(request.form()).containsEntry("client_id", clientId));
        assertThat(denied.exit()).as(denied.both()).isEqualTo(4);
        assertThat(ourLines(denied.err())).last().asString().startsWith("odd_client: ");

        String issuer = "http://127.0.0.1:1/x\"); System.exit(9); //\n(\"";
        assertThat(jbang.run(alias("new"), "notebook", "odd_issuer.jsh", "--issuer", issuer, "--client-id", "cli").exit()).isZero();
        JBang.Result refused = jbang.run("odd_issuer.jsh");

        assertThat(refused.exit()).as(refused.both()).isEqualTo(2);
        assertThat(ourLines(refused.err())).containsExactly("odd_issuer: issuer is not a valid URL");
    }

    @Test
    void aRunbookWithoutAnIssuerSaysInOneLineHowToGiveARunbookOne() {
        withoutSettingsInTheEnvironment();
        assertThat(jbang.run(alias("new"), "runbook", "no_issuer.java", "--client-id", "cli").exit()).isZero();

        JBang.Result result = jbang.run("no_issuer.java");

        assertThat(result.exit()).as(result.both()).isEqualTo(2);
        assertThat(ourLines(result.err())).singleElement().asString()
                .startsWith("no_issuer: no issuer: set JLOGIN_ISSUER, or give it in the script: JLogin.builder().property(\"issuer\", URL)")
                .doesNotContain("--issuer");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void theOnboardingNotebookLogsInShowsWhoAndCallsAnApi() {
        String transcript = approvedRun(() -> jbang.start(JBang.REPO.resolve("notebooks/onboarding.jsh").toString(),
                server.issuer() + "/userinfo"));

        assertThat(transcript).contains("To log in, open this link", "You are Alice Tester <alice@example.com>",
                "Your token: AccessToken[value=[redacted]", "answered 200: ").doesNotContain("Exception", "|  Error");
        // the API's JSON read with jackson-jr: its field names, in whatever order the server wrote them
        assertThat(transcript).containsPattern("its fields: \\[(?=[^\\]]*\\bemail\\b)(?=[^\\]]*\\bsub\\b)[^\\]]*\\]");
        assertNoSecretIn(transcript);
    }

    @Test
    void theTokenLifecycleNotebookRefreshesAndLogsOutAfterOnboarding() {
        approvedRun(() -> jbang.start(JBang.REPO.resolve("notebooks/onboarding.jsh").toString(), server.issuer() + "/userinfo"));

        JBang.Result result = jbang.run(JBang.REPO.resolve("notebooks/token-lifecycle.jsh").toString());

        String transcript = result.both();
        assertThat(result.exit()).as(transcript).isZero();
        assertThat(transcript).contains("Logged in: Alice Tester", "refresh token rotated",
                "Logged out Alice Tester <alice@example.com> from " + server.issuer(),
                "After logging out: LOGIN_REQUIRED").doesNotContain("Exception", "|  Error");
        assertThat(server.refreshes()).hasSize(1);
        assertNoSecretIn(transcript);
    }

    @Test
    void theTokenLifecycleNotebookWithoutALoginEndsInOneLineNamingTheLoginCommand() {
        JBang.Result result = jbang.shell("cd " + CLONE + " && ./jbang notebooks/token-lifecycle.jsh");

        assertThat(result.exit()).as(result.both()).isEqualTo(3);
        assertThat(ourLines(result.err())).singleElement().asString().startsWith("token-lifecycle: not logged in")
                .endsWith("; log in with: ./jbang login@jbang-catalog.json");
        assertThat(result.out()).isEmpty();
    }

    /** The file must carry the settings itself: `new` would take them from the environment too. */
    private void withoutSettingsInTheEnvironment() {
        env.remove("JLOGIN_ISSUER");
        env.remove("JLOGIN_CLIENT_ID");
    }

    /** What the script wrote on stderr, without JBang's lines about building it and JShell's about its modules. */
    private static List<String> ourLines(String stderr) {
        return stderr.lines().filter(l -> !l.startsWith("[jbang]") && !l.startsWith("WARNING: Using incubator modules")).toList();
    }

    /** Starts a script that calls the userinfo URL, approving its login once it asks. */
    private String approvedRun(Supplier<JBang.Running> start) {
        int before = server.requests("/issuer/device").size();
        JBang.Running running = start.get();
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
