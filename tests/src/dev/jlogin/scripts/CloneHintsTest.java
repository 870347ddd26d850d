package dev.jlogin.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.testing.FullTier;
import dev.jlogin.testing.GitClient;
import dev.jlogin.testing.JBang;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * From a clone, as the README starts a newcomer: every command jlogin prints (the login hint of
 * exit 3, usage and examples, the jlogin alias's pointer to its help) names the clone's launcher
 * and catalog, and works when pasted into a shell in the same folder. Before, the hint said
 * "login", which pasted runs the system's /usr/bin/login.
 */
@FullTier
class CloneHintsTest extends FakeServerScripts {
    @BeforeEach
    void approveLogins() {
        server.approve();
    }

    /** A command line run in a shell in the clone's root, where the README has the user. */
    private JBang.Result inClone(String commandLine) {
        return jbang.shell("cd " + GitClient.quote(JBang.REPO.toString()) + " && " + commandLine);
    }

    /** What follows "log in with: " on the one line of stderr. */
    private static String hint(JBang.Result result) {
        String err = result.err().strip();
        return err.substring(err.lastIndexOf("log in with: ") + "log in with: ".length());
    }

    @Test
    void theLoginHintWorksWhenPasted() {
        JBang.Result token = inClone("./jbang token@jbang-catalog.json");
        assertThat(token.exit()).isEqualTo(3);
        assertThat(hint(token)).isEqualTo("./jbang login@jbang-catalog.json");

        JBang.Result login = inClone(hint(token));
        assertThat(login.exit()).as(login.err()).isZero();
        JBang.Result again = inClone("./jbang token@jbang-catalog.json");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(server.accepts(again.out().strip())).isTrue();
    }

    @Test
    void forAnotherProfileTheHintNamesIt() {
        env.put("JLOGIN_PROFILE", "work");

        JBang.Result whoami = inClone("./jbang whoami@jbang-catalog.json");
        assertThat(whoami.exit()).isEqualTo(3);
        assertThat(hint(whoami)).isEqualTo("./jbang login@jbang-catalog.json --profile work");

        env.remove("JLOGIN_PROFILE");
        JBang.Result login = inClone(hint(whoami));
        assertThat(login.exit()).as(login.err()).isZero();
        assertThat(login.out()).contains("(profile 'work')");
    }

    @Test
    void usageAndExamplesNameTheCommandAsItIsRun() {
        JBang.Result help = inClone("./jbang login@jbang-catalog.json --help");

        assertThat(help.exit()).isZero();
        assertThat(help.out()).startsWith("Usage: ./jbang login@jbang-catalog.json [options]")
                .contains("\n  ./jbang login@jbang-catalog.json --issuer ");
        JBang.Result unknown = inClone("./jbang jlogin@jbang-catalog.json tokn");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("did you mean 'token'?").contains("run './jbang jlogin@jbang-catalog.json help'");
        JBang.Result list = inClone("./jbang jlogin@jbang-catalog.json help");
        assertThat(list.out()).startsWith("Usage: ./jbang jlogin@jbang-catalog.json COMMAND");
    }
}
