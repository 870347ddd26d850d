package dev.jlogin.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.cli.CliHarness;
import dev.jlogin.testing.JBang;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code new} outside a clone: a published catalog names the library in {@code jlogin.library};
 * without it, and for names a runbook cannot have, one line says what to do. (From a clone, the
 * written files are run in {@code RunbooksAndNotebooksTest}.)
 */
class NewCommandTest {
    private static final String RELEASE = "https://jlogin.example.com/v0.1.0/lib/JLogin.java";

    @TempDir
    Path home;
    private CliHarness cli;

    @BeforeEach
    void publishedCatalog() {
        cli = new CliHarness(home);
        cli.properties.setProperty("jlogin.catalog", "acme");
    }

    @AfterEach
    void close() {
        cli.close();
    }

    @Test
    void aPublishedCatalogsRunbookUsesItsLibraryAndSettings() throws Exception {
        cli.properties.setProperty("jlogin.library", RELEASE);
        cli.env.remove("JLOGIN_ISSUER");
        cli.properties.setProperty("jlogin.issuer", "https://idp.acme.com/realms/staff");
        Path task = home.resolve("my_task.java");

        CliHarness.Result result = cli.run(new NewCommand(), "runbook", task.toString().replace(".java", ""));

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("Wrote " + task + " (a runbook). Run it, with API URLs to call as arguments:\n"
                + "  jbang " + task + "\n");
        assertThat(Files.readString(task)).contains("//DEPS " + RELEASE + "\n", "class my_task {",
                ".property(\"issuer\", \"https://idp.acme.com/realms/staff\")", ".property(\"client-id\", \"cli\")");
    }

    /** The catalog names its APIs: the runbook keeps the names and shows a call with each one's token. */
    @Test
    void theApisACatalogNamesAreInTheRunbookWithATokenEach() throws Exception {
        cli.properties.setProperty("jlogin.library", RELEASE);
        cli.properties.setProperty("jlogin.audiences", "orders=orders-api, reports=reports-api");
        Path task = home.resolve("my_task.java");

        assertThat(cli.run(new NewCommand(), "runbook", task.toString()).exit()).isZero();

        assertThat(Files.readString(task)).contains(".property(\"audiences\", \"orders=orders-api, reports=reports-api\")",
                "import dev.jlogin.oauth.TokenRequest;",
                "                            // jl.http(TokenRequest.audience(\"orders\")).get(\"https://...\")\n",
                "                            // jl.http(TokenRequest.audience(\"reports\")).get(\"https://...\")\n");
    }

    @Test
    void withoutALibraryToNameItSaysWhereOneComesFrom() {
        CliHarness.Result result = cli.run(new NewCommand(), "runbook", home.resolve("my_task.java").toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("new: which jlogin library should the file use? Run this from a clone of jlogin"
                + " (./jbang new@jbang-catalog.json ...), or give --library the lib/JLogin.java of a jlogin release"
                + " (a catalog sets it in jlogin.library)\n");
        assertThat(home.resolve("my_task.java")).doesNotExist();
    }

    @Test
    void aRunbooksNameMustBeAClassNameAndAFileIsOnlyReplacedWithForce() throws Exception {
        cli.properties.setProperty("jlogin.library", RELEASE);

        CliHarness.Result dashed = cli.run(new NewCommand(), "runbook", home.resolve("my-task.java").toString());
        assertThat(dashed.exit()).isEqualTo(2);
        assertThat(dashed.err()).contains("'my-task' is not one: try my_task.java");

        Path notes = Files.writeString(home.resolve("notes.jsh"), "mine");
        assertThat(cli.run(new NewCommand(), "notebook", notes.toString()).err()).contains("exists already; --force replaces it");
        assertThat(notes).hasContent("mine");
        assertThat(cli.run(new NewCommand(), "notebook", notes.toString(), "--force").exit()).isZero();
        assertThat(Files.readString(notes)).startsWith("//DEPS " + RELEASE + "\n");
    }

    /**
     * Users' JSON goes through jackson-jr: runbooks, notebooks and the jshell alias depend on the
     * version the tests use (the pom's), and the library itself never does (its protocol reader is its own).
     */
    @Test
    void runbooksNotebooksAndJShellReadJsonWithThePomsJacksonJr() throws Exception {
        String pom = Files.readString(JBang.REPO.resolve("pom.xml"));
        java.util.regex.Matcher version = java.util.regex.Pattern.compile("<jackson-jr.version>([^<]+)<").matcher(pom);
        assertThat(version.find()).isTrue();
        String deps = "//DEPS com.fasterxml.jackson.jr:jackson-jr-objects:" + version.group(1) + "\n";
        cli.properties.setProperty("jlogin.library", RELEASE);

        assertThat(cli.run(new NewCommand(), "runbook", home.resolve("a_task.java").toString()).exit()).isZero();
        assertThat(cli.run(new NewCommand(), "notebook", home.resolve("notes.jsh").toString()).exit()).isZero();

        for (Path file : List.of(home.resolve("a_task.java"), home.resolve("notes.jsh"), JBang.REPO.resolve("scripts/jlogin.jsh"),
                JBang.REPO.resolve("notebooks/onboarding.jsh"))) {
            assertThat(Files.readString(file)).as(file.toString()).contains(deps, "import com.fasterxml.jackson.jr.ob.JSON;");
        }
        assertThat(Files.readString(JBang.REPO.resolve("lib/JLogin.java"))).doesNotContain("jackson");
    }
}
