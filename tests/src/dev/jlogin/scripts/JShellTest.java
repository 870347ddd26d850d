package dev.jlogin.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jlogin.testing.FullTier;
import dev.jlogin.testing.JBang;
import dev.jlogin.testing.OrgCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The {@code jshell} alias through an organisation's catalog, driven through stdin as a person
 * types: {@code jl} comes configured from the catalog's properties alone, logs in (approved at the
 * fake server while it waits), shows who, hands out a token and calls an API through
 * {@code jl.http()}. The whole transcript holds no issued secret.
 */
@FullTier
class JShellTest extends FakeServerScripts {

    @Test
    void aSessionLogsInShowsWhoGetsATokenAndCallsAnApi() throws Exception {
        env.remove("JLOGIN_ISSUER");
        env.remove("JLOGIN_CLIENT_ID");
        Path catalog = OrgCatalog.write(home.resolve("acme"), server.issuer(), "cli", "jshell");
        Path input = home.resolve("input.jsh");
        Files.writeString(input, String.join("\n",
                "var who = jl.login()",
                "System.out.println(\"WHO \" + who)",
                "var token = jl.token()",
                "System.out.println(\"TOKEN \" + token)",
                "var api = jl.http().get(\"" + server.issuer() + "/userinfo\")",
                "System.out.println(\"API \" + api.status() + \" \" + api.body())",
                "System.out.println(\"EMAIL \" + JSON.std.mapFrom(api.body()).get(\"email\"))",
                "/exit", ""));

        JBang.Running shell = jbang.startShell("\"$JBANG\" --interactive jshell@" + catalog + " < " + input);
        await().atMost(Duration.ofMinutes(3)).until(() -> !server.requests("/issuer/device").isEmpty());
        server.approve();
        JBang.Result result = shell.await();

        String transcript = result.both();
        assertThat(result.exit()).as(transcript).isZero();
        assertThat(transcript).contains("try: jl.login()", "profile=default, issuer=" + server.issuer() + ", client=cli")
                .contains("WHO Alice Tester <alice@example.com> at " + server.issuer())
                .contains("TOKEN AccessToken[value=[redacted], type=Bearer")
                .contains("API 200 ").contains("\"email\":\"alice@example.com\"").contains("EMAIL alice@example.com")
                .contains(server.base() + "/activate?user_code=WDJB-MJHT");
        assertThat(transcript).doesNotContain("|  Error", "Exception");
        assertThat(server.polls()).isNotEmpty();
        server.issuedSecrets().forEach(secret -> assertThat(transcript).doesNotContain(secret));
    }
}
