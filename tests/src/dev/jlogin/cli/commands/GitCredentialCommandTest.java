package dev.jlogin.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.cli.CliHarness;
import dev.jlogin.cli.InProcessCommands;
import dev.jlogin.store.StoredLogin;
import dev.jlogin.store.TokenStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * git-credential and setup-git in-process, against the credential protocol of {@code git help
 * credential}: requests are key=value lines ending with a blank line; a helper that has nothing to
 * say prints nothing and exits 0.
 */
class GitCredentialCommandTest extends InProcessCommands {
    private static final String HOST = "git.acme.test";

    @BeforeEach
    void configure() {
        cli.env.put("JLOGIN_GIT_HOSTS", HOST + ", 127.0.0.1:8443");
    }

    private CliHarness.Result helper(String request, String... args) {
        cli.stdin = request;
        return cli.run(new GitCredentialCommand(), args);
    }

    private StoredLogin stored() {
        return new TokenStore(home, Duration.ofSeconds(1)).read("default").orElseThrow();
    }

    /** The answer's attributes; fails on a line that is not key=value. */
    private static Map<String, String> attributes(String answer) {
        Map<String, String> map = new LinkedHashMap<>();
        answer.lines().forEach(line -> {
            assertThat(line).contains("=");
            map.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        });
        return map;
    }

    @Test
    void getForAConfiguredHostAnswersWithTheTokenAndItsExpiry() {
        assertThat(cli.login().exit()).isZero();
        StoredLogin login = stored();

        CliHarness.Result result = helper("protocol=https\nhost=" + HOST + "\npath=acme/repo.git\n\n", "get");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(attributes(result.out())).containsExactly(
                Map.entry("username", "oauth2"),
                Map.entry("password", login.tokens().accessToken().reveal()),
                Map.entry("password_expiry_utc", Long.toString(login.tokens().expiresAt().orElseThrow().getEpochSecond())));
        assertThat(cli.server.refreshes()).isEmpty();
    }

    @Test
    void aPersonAtATerminalIsNotShownTheToken() {
        assertThat(cli.login().exit()).isZero();
        cli.terminal = true;

        CliHarness.Result result = helper("protocol=https\nhost=" + HOST + "\n\n", "get");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("git-credential: refusing to print a token to a terminal").hasLineCount(1);
        assertNoSecretIn(result);
    }

    @Test
    void theUsernameAndTheHostsCanComeFromFlags() {
        assertThat(cli.login().exit()).isZero();
        cli.env.remove("JLOGIN_GIT_HOSTS");

        CliHarness.Result result = helper("protocol=https\nhost=code.example:444\n", "--git-host", "other.example",
                "--git-host", "code.example:444", "--git-username", "x-token", "get");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(attributes(result.out())).containsEntry("username", "x-token")
                .containsEntry("password", stored().tokens().accessToken().reveal());
    }

    @Test
    void anyOtherHostProtocolPortOrUserGetsNothing() {
        assertThat(cli.login().exit()).isZero();
        for (String request : new String[] {
                "protocol=https\nhost=evil.example\n\n",
                "protocol=https\nhost=" + HOST + ".evil.example\n\n",
                "protocol=https\nhost=" + HOST + ":8443\n\n",
                "protocol=https\nhost=127.0.0.1:8444\n\n",
                "protocol=http\nhost=" + HOST + "\n\n",
                "protocol=ssh\nhost=" + HOST + "\n\n",
                "protocol=https\nhost=" + HOST + "\nusername=bob\n\n",
                "host=" + HOST + "\n\n",
                "protocol=https\n\n"}) {
            CliHarness.Result result = helper(request, "get");
            assertThat(result.exit()).as(request).isZero();
            assertThat(result.both()).as(request).isBlank();
        }
        // the same host with its default port written out, in another case, is the same server
        assertThat(helper("protocol=https\nhost=GIT.acme.test:443\n\n", "get").out()).contains("password=");
        // plain http only to loopback
        assertThat(helper("protocol=http\nhost=127.0.0.1:8443\n\n", "get").out()).contains("password=");
    }

    @Test
    void storeDoesNothingAndUnknownActionsAreIgnored() throws Exception {
        assertThat(cli.login().exit()).isZero();
        byte[] before = Files.readAllBytes(home.resolve("profiles/default.json"));
        String request = "protocol=https\nhost=" + HOST + "\nusername=oauth2\npassword=something-else\n\n";

        for (String action : new String[] {"store", "capability", "future-action"}) {
            CliHarness.Result result = helper(request, action);
            assertThat(result.exit()).as(action).isZero();
            assertThat(result.both()).as(action).isBlank();
        }
        assertThat(Files.readAllBytes(home.resolve("profiles/default.json"))).isEqualTo(before);
        assertThat(cli.server.refreshes()).isEmpty();
    }

    @Test
    void eraseOfTheStoredTokenMakesTheNextGetRefreshOnce() {
        assertThat(cli.login().exit()).isZero();
        String refused = stored().tokens().accessToken().reveal();
        String request = "protocol=https\nhost=" + HOST + "\n\n";

        CliHarness.Result erase = helper("protocol=https\nhost=" + HOST + "\nusername=oauth2\npassword=" + refused + "\n\n", "erase");
        assertThat(erase.exit()).isZero();
        assertThat(erase.both()).isBlank();
        assertThat(cli.server.refreshes()).isEmpty();

        String first = attributes(helper(request, "get").out()).get("password");
        String second = attributes(helper(request, "get").out()).get("password");

        assertThat(first).isNotEqualTo(refused).isEqualTo(second);
        assertThat(cli.server.accepts(first)).isTrue();
        assertThat(cli.server.refreshes()).hasSize(1);
    }

    @Test
    void eraseOfAnotherPasswordChangesNothing() {
        assertThat(cli.login().exit()).isZero();
        String token = stored().tokens().accessToken().reveal();

        assertThat(helper("protocol=https\nhost=" + HOST + "\nusername=oauth2\npassword=not-ours\n\n", "erase").exit()).isZero();
        assertThat(helper("protocol=https\nhost=evil.example\nusername=oauth2\npassword=" + token + "\n\n", "erase").exit()).isZero();

        assertThat(attributes(helper("protocol=https\nhost=" + HOST + "\n\n", "get").out())).containsEntry("password", token);
        assertThat(cli.server.refreshes()).isEmpty();
    }

    @Test
    void anExpiredTokenIsRefreshedOnGet() {
        assertThat(cli.login().exit()).isZero();
        String old = stored().tokens().accessToken().reveal();
        cli.clock.advance(Duration.ofMinutes(10));

        Map<String, String> answer = attributes(helper("protocol=https\nhost=" + HOST + "\n\n", "get").out());

        assertThat(answer.get("password")).isNotEqualTo(old).isEqualTo(stored().tokens().accessToken().reveal());
        assertThat(Long.parseLong(answer.get("password_expiry_utc"))).isGreaterThan(cli.clock.instant().getEpochSecond());
        assertThat(cli.server.refreshes()).hasSize(1);
    }

    @Test
    void withoutALoginGetIsExit3WithOneLineNamingTheLoginCommand() {
        cli.properties.setProperty("jlogin.launcher-path", "/opt/acme tools/acme");

        CliHarness.Result result = helper("protocol=https\nhost=" + HOST + "\n\n", "get");

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("git-credential: not logged in (profile 'default'); log in with: '/opt/acme tools/acme' login\n");
    }

    @Test
    void theLoginHintUsesTheCatalogWhenACatalogNamesIt() {
        cli.properties.setProperty("jlogin.catalog", "acme");

        CliHarness.Result result = helper("protocol=https\nhost=" + HOST + "\n\n", "get");

        assertThat(result.exit()).isEqualTo(3);
        assertThat(result.err()).endsWith("log in with: jbang login@acme\n");
    }

    @Test
    void malformedRequestsAndMissingSettingsAreOneLineUsageErrors() {
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("protocol=https\nnot an attribute\n\n", new String[] {"get"});
        cases.put("=value\n\n", new String[] {"get"});
        cases.put("protocol=https\nhost=a\0b\n\n", new String[] {"get"});
        cases.put("x=" + "y".repeat(70_000) + "\n\n", new String[] {"get"});
        cases.put("protocol=https\nhost=" + HOST + "\n\n", new String[0]);
        cases.put("protocol=https\nhost=" + HOST + "\n\n ", new String[] {"get", "erase"});
        cases.forEach((request, args) -> {
            CliHarness.Result result = helper(request, args);
            assertThat(result.exit()).as(request + " " + Arrays.toString(args)).isEqualTo(2);
            assertThat(result.out()).isEmpty();
            assertThat(result.err()).startsWith("git-credential: ").hasLineCount(1).doesNotContain("Exception");
        });
        cli.env.put("JLOGIN_GIT_HOSTS", "https://" + HOST + "/org/repo.git");
        assertThat(helper("protocol=https\nhost=" + HOST + "\n\n", "get").err()).contains("is not host, host:port or its https:// URL");
        cli.env.remove("JLOGIN_GIT_HOSTS");
        assertThat(helper("protocol=https\nhost=" + HOST + "\n\n", "get").err()).contains("no git host configured");
    }

    @Test
    void theRequestEndsAtItsBlankLine() {
        assertThat(cli.login().exit()).isZero();

        // what follows the blank line is not read as part of the request
        CliHarness.Result result = helper("protocol=https\nhost=" + HOST + "\n\nhost=evil.example\n", "get");

        assertThat(result.out()).contains("password=");
    }

    @Test
    void setupGitDryRunPrintsTheGitCommandsForEachHost() {
        cli.properties.setProperty("jlogin.launcher-path", "/usr/local/bin/acme");
        cli.properties.setProperty("jlogin.git-hosts", "git.acme.test,code.acme.test:8443");
        cli.env.remove("JLOGIN_GIT_HOSTS");

        CliHarness.Result result = cli.run(new SetupGitCommand(), "--dry-run");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo(String.join("\n",
                "git config --global --replace-all credential.https://git.acme.test.helper ''",
                "git config --global --add credential.https://git.acme.test.helper '!/usr/local/bin/acme git-credential'",
                "git config --global --replace-all credential.https://code.acme.test:8443.helper ''",
                "git config --global --add credential.https://code.acme.test:8443.helper '!/usr/local/bin/acme git-credential'",
                ""));
    }

    /** A global git configuration of the test's own, holding {@code content}, for setup-git run through catalog acme. */
    private Path gitConfig(String content) throws Exception {
        Path config = Files.writeString(home.resolve("gitconfig"), content);
        cli.env.put("GIT_CONFIG_GLOBAL", config.toString());
        cli.env.put("PATH", System.getenv("PATH"));
        cli.properties.setProperty("jlogin.catalog", "acme");
        return config;
    }

    @Test
    void setupGitWritesTheGlobalConfigWithGitAndKeepsWhatTheHelperWillNeed() throws Exception {
        Path config = gitConfig("[credential \"https://git.acme.test\"]\n\thelper = store\n[user]\n\tname = Alice\n");

        CliHarness.Result result = cli.run(new SetupGitCommand(), "--profile", "work", "--git-host", HOST);
        CliHarness.Result again = cli.run(new SetupGitCommand(), "--profile", "work", "--git-host", HOST);

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(git(config, "--get-all", "credential.https://git.acme.test.helper"))
                .isEqualTo("\n!jbang git-credential@acme --git-host git.acme.test --profile work\n");
        assertThat(git(config, "--get", "user.name")).isEqualTo("Alice\n");
    }

    /** What setup-git writes is run by every later git call: a newline in it would break them all. */
    @Test
    void setupGitValidatesWhatItWritesBeforeWritingAnything() throws Exception {
        Path config = gitConfig("[user]\n\tname = Alice\n");

        CliHarness.Result profile = cli.run(new SetupGitCommand(), "--profile", "work\nx", "--git-host", HOST);
        CliHarness.Result username = cli.run(new SetupGitCommand(), "--git-username", "bot\n[core]", "--git-host", HOST);

        assertThat(profile.exit()).isEqualTo(2);
        assertThat(profile.err()).contains("invalid profile name");
        assertThat(username.exit()).isEqualTo(2);
        assertThat(username.err()).contains("--git-username must be a non-empty name without control characters");
        assertThat(config).hasContent("[user]\n\tname = Alice\n");
    }

    @Test
    void setupGitWithoutALauncherOrCatalogSaysWhy() {
        CliHarness.Result result = cli.run(new SetupGitCommand(), "--dry-run");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("cannot tell how git should run jlogin");
    }

    private static String git(Path config, String... args) throws Exception {
        String[] command = new String[args.length + 4];
        command[0] = "git";
        command[1] = "config";
        command[2] = "--file";
        command[3] = config.toString();
        System.arraycopy(args, 0, command, 4, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(out).isZero();
        return out;
    }
}
