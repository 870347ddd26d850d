package dev.jlogin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.browser.BrowserLauncher;
import dev.jlogin.cli.commands.LoginCommand;
import dev.jlogin.cli.commands.TokenCommand;
import dev.jlogin.cli.commands.WhoamiCommand;
import dev.jlogin.testing.JBang;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's "Try it in a minute" transcript stays true: its commands run against the fake
 * server here, and what they print has the same lines as the transcript once what differs from run
 * to run (links, the code, times, the subject) is set aside. A change of wording fails this test.
 */
class ReadmeTranscriptTest extends InProcessCommands {
    private static final Pattern COMMAND = Pattern.compile("\\$ \\./jbang ([a-z-]+)@jbang-catalog\\.json(.*)");
    /** What differs from run to run, and what differs between Keycloak and the fake server. */
    private static final Map<Pattern, String> VARYING = new LinkedHashMap<>();

    static {
        VARYING.put(Pattern.compile("https?://[^\\s)]+"), "<link>");
        VARYING.put(Pattern.compile("\\b[A-Z]{4}-[A-Z]{4}\\b"), "<code>");
        VARYING.put(Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), "<time>");
        VARYING.put(Pattern.compile("\\(in \\d+ s\\)"), "(in <n> s)");
        VARYING.put(Pattern.compile("subject: +\\S+"), "subject: <subject>");
    }

    @BeforeEach
    void start() {
        // as in the transcript: the settings come from login's flags, and later commands find them saved
        cli.env.remove("JLOGIN_ISSUER");
        cli.env.remove("JLOGIN_CLIENT_ID");
        // what a machine without a desktop says, as where the transcript was made
        cli.browser = uri -> BrowserLauncher.Outcome.notOpened(BrowserLauncher.whyNot(Map.of()));
    }

    /** The README's transcript of the second terminal: each command with the lines it printed. */
    private static Map<String, List<String>> transcript() throws Exception {
        String readme = Files.readString(JBang.REPO.resolve("README.md"));
        String section = readme.substring(readme.indexOf("## Try it in a minute"));
        section = section.substring(0, section.indexOf("\n## "));
        Matcher blocks = Pattern.compile("```console\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertThat(blocks.find()).as("the sandbox's block").isTrue();
        assertThat(blocks.find()).as("the login's block").isTrue();
        Map<String, List<String>> commands = new LinkedHashMap<>();
        List<String> output = null;
        for (String line : blocks.group(1).split("\n")) {
            if (line.startsWith("$ ")) {
                output = new ArrayList<>();
                commands.put(line, output);
            } else {
                output.add(line);
            }
        }
        return commands;
    }

    private static List<String> shape(List<String> lines) {
        return lines.stream().map(line -> {
            String shaped = line;
            for (Map.Entry<Pattern, String> varying : VARYING.entrySet()) {
                shaped = varying.getKey().matcher(shaped).replaceAll(varying.getValue());
            }
            return shaped;
        }).toList();
    }

    @Test
    void theTranscriptsCommandsPrintWhatItShows() throws Exception {
        Map<String, List<String>> transcript = transcript();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : transcript.entrySet()) {
            Matcher command = COMMAND.matcher(entry.getKey());
            assertThat(command.matches()).as("written as it runs from a clone: " + entry.getKey()).isTrue();
            names.add(command.group(1));
            String[] args = command.group(2).replaceAll("\\s*\\|.*", "").trim().split("\\s+");
            if (args.length == 1 && args[0].isEmpty()) {
                args = new String[0];
            }
            switch (command.group(1)) {
                case "login" -> {
                    // the sandbox's issuer becomes the fake server's
                    List<String> argv = new ArrayList<>(Arrays.asList(args));
                    argv.set(argv.indexOf("--issuer") + 1, cli.server.issuer());
                    cli.onWait = cli.server::approve;
                    CliHarness.Result result = cli.run(new LoginCommand(), argv.toArray(String[]::new));
                    assertThat(result.exit()).as(result.err()).isZero();
                    assertThat(shape(lines(result.err() + result.out()))).isEqualTo(shape(entry.getValue()));
                }
                case "whoami" -> {
                    CliHarness.Result result = cli.run(new WhoamiCommand(), args);
                    assertThat(result.exit()).as(result.err()).isZero();
                    // the fake server's user has no preferred_username, and its scopes are its own
                    assertThat(labels(lines(result.out()))).isEqualTo(labels(entry.getValue()));
                    assertThat(shape(lines(result.out())).get(0)).isEqualTo(shape(entry.getValue()).get(0));
                }
                case "token" -> {
                    cli.terminal = false;
                    CliHarness.Result result = cli.run(new TokenCommand(), args);
                    assertThat(result.exit()).as(result.err()).isZero();
                    assertThat(result.out()).startsWith("Authorization: Bearer ");
                    assertThat(entry.getKey()).contains("| curl -sS -H @- http").endsWith("/protocol/openid-connect/userinfo");
                    assertThat(entry.getValue()).singleElement().asString().startsWith("{\"sub\":");
                }
                default -> throw new AssertionError("a command this test does not know: " + entry.getKey());
            }
        }
        assertThat(names).containsExactly("login", "whoami", "token");
    }

    @Test
    void theSandboxBlockShowsTheLoginLineTheSecondBlockRuns() throws Exception {
        String readme = Files.readString(JBang.REPO.resolve("README.md"));
        Matcher logIn = Pattern.compile("\n  log in: +(\\./jbang login@jbang-catalog\\.json .*)\n").matcher(readme);
        assertThat(logIn.find()).isTrue();

        assertThat(transcript().keySet()).first().isEqualTo("$ " + logIn.group(1));
    }

    private static List<String> lines(String text) {
        return text.lines().toList();
    }

    /** The field names of whoami's lines ("  user:", "  subject:", …), in order. */
    private static List<String> labels(List<String> lines) {
        return lines.stream().skip(1).map(l -> l.substring(0, l.indexOf(':') + 1)).toList();
    }
}
