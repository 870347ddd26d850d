package dev.jlogin.cli.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.jlogin.browser.BrowserLauncher;
import dev.jlogin.cli.CliHarness;
import dev.jlogin.cli.Command;
import dev.jlogin.cli.Nearest;
import dev.jlogin.cli.Option;
import dev.jlogin.cli.commands.ExecCommand;
import dev.jlogin.cli.commands.LoginCommand;
import dev.jlogin.cli.commands.NewCommand;
import dev.jlogin.cli.commands.SetupKubeCommand;
import dev.jlogin.cli.commands.TokenCommand;
import dev.jlogin.cli.terminal.Environment;
import dev.jlogin.config.Setting;
import dev.jlogin.sandbox.SandboxCommand;
import dev.jlogin.testing.JBang;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Help as a user meets it (clig.dev's guidelines, as git and gh follow them): each command's help
 * lists the options it takes and only those, names the command as it is run, gives examples, fits
 * an 80-column terminal; -h works; a mistyped option or command gets the nearest known one.
 */
class HelpTest {
    /** An option at the start of a help line: "  --name" (or "  --name VALUE"). */
    private static final Pattern OPTION_LINE = Pattern.compile("^  --([a-z][a-z-]*)");
    private static final Pattern OPTION_NAME = Pattern.compile("--([a-z][a-z-]+)");
    /** A code in help's list of exit codes: "Exit codes: 0 ok, 1 unexpected error, ...". */
    private static final Pattern LISTED_CODE = Pattern.compile("(?<=: |, )(\\d+)(?= [a-z])");
    /** A row of the README's exit codes per command: "| `token` | 0, 1, 2, 3, 6, 7 |". */
    private static final Pattern README_ROW = Pattern.compile("^\\| `([a-z-]+)` \\| (\\d+(?:, \\d+)*)");

    @TempDir
    Path home;

    /** Every command there is: the launcher's and the three that only scripts run. */
    private static List<Command> everyCommand() {
        List<Command> all = new ArrayList<>();
        Launcher.COMMANDS.forEach(name -> all.add(Launcher.command(name)));
        all.add(new InstallCommand());
        all.add(new NewCommand());
        all.add(new SandboxCommand());
        return all;
    }

    private CliHarness.Result help(Command command, Map<String, String> properties, String... args) {
        try (CliHarness cli = new CliHarness(home)) {
            properties.forEach(cli.properties::setProperty);
            return cli.run(command, args);
        }
    }

    @Test
    void eachCommandsHelpListsExactlyTheOptionsItTakes() {
        for (Command command : everyCommand()) {
            CliHarness.Result result = help(command, Map.of(), "--help");
            assertThat(result.exit()).as(command.name()).isZero();
            List<String> listed = result.out().lines().map(OPTION_LINE::matcher).filter(Matcher::find)
                    .map(m -> m.group(1)).toList();
            List<String> declared = command.spec().allOptions().stream().map(Option::name).toList();

            assertThat(listed).as(command.name()).containsExactlyInAnyOrderElementsOf(declared);
            assertThat(new HashSet<>(declared)).as(command.name() + " declares an option twice").hasSameSizeAs(declared);
            assertThat(result.out()).as(command.name()).contains("Exit codes:").contains("Examples:");
        }
    }

    @Test
    void eachCommandsHelpListsTheExitCodesItDeclaresAndTheReadmeListsTheSame() throws Exception {
        Map<String, Set<Integer>> readme = readmeExitCodes();
        for (Command command : everyCommand()) {
            Set<Integer> declared = command.spec().exitCodes().numbers();
            String exits = exitCodesIn(help(command, Map.of(), "--help").out());
            Set<Integer> listed = LISTED_CODE.matcher(exits).results().map(m -> Integer.parseInt(m.group(1)))
                    .collect(Collectors.toSet());

            assertThat(listed).as(command.name() + ": " + exits).isEqualTo(declared).contains(1, 2);
            assertThat(readme.get(command.name())).as("the README's exit codes of " + command.name()).isEqualTo(declared);
        }
        assertThat(readme.keySet()).containsExactlyInAnyOrderElementsOf(everyCommand().stream().map(Command::name).toList());
    }

    @Test
    void aCommandThatRunsNoLoginDoesNotListALoginsOutcomes() {
        assertThat(exitCodesIn(help(new TokenCommand(), Map.of(), "--help").out())).contains("3 login required")
                .doesNotContain("denied").doesNotContain("expired").doesNotContain("130");
        assertThat(exitCodesIn(help(new LoginCommand(), Map.of(), "--help").out())).contains("4 denied by the user")
                .contains("5 code expired").contains("130 login cancelled");
    }

    /** Help's list of exit codes, its lines joined. */
    private static String exitCodesIn(String help) {
        return help.substring(help.indexOf("Exit codes:")).replace('\n', ' ');
    }

    /** The README's table of exit codes per command, under "### Exit codes". */
    private static Map<String, Set<Integer>> readmeExitCodes() throws Exception {
        List<String> lines = Files.readAllLines(JBang.REPO.resolve("README.md"));
        Map<String, Set<Integer>> codes = new java.util.LinkedHashMap<>();
        for (String line : lines.subList(lines.indexOf("### Exit codes"), lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            Matcher row = README_ROW.matcher(line);
            if (row.find()) {
                codes.put(row.group(1), Stream.of(row.group(2).split(", ")).map(Integer::valueOf).collect(Collectors.toSet()));
            }
        }
        return codes;
    }

    @Test
    void theExamplesUseOnlyOptionsTheCommandTakes() {
        for (Command command : everyCommand()) {
            String examples = String.join("\n", command.spec().examples()).replaceAll(" -- .*", "");
            Set<String> mentioned = new HashSet<>();
            Matcher m = OPTION_NAME.matcher(examples);
            while (m.find()) {
                mentioned.add(m.group(1));
            }
            Set<String> declared = command.spec().allOptions().stream().map(Option::name).collect(Collectors.toSet());
            assertThat(declared).as(command.name()).containsAll(mentioned);
        }
    }

    @Test
    void aCommandThatUsesAStoredLoginDoesNotOfferWhatOnlyANewLoginNeeds() {
        String token = help(new TokenCommand(), Map.of(), "--help").out();
        // its --scope is the scope of a token for another API, not what a new login asks for
        assertThat(token).contains("--min-valid", "--profile", "--store", "--ca-file", "--scope SCOPES           a token with")
                .doesNotContain("--device-endpoint", "--param", "--no-browser", "space-separated scopes");
        assertThat(help(new TokenCommand(), Map.of(), "--device-endpoint", "http://x").exit()).isEqualTo(2);

        String login = help(new LoginCommand(), Map.of(), "--help").out();
        assertThat(login).contains("--device-endpoint", "--token-endpoint", "--scope", "--param", "--no-browser")
                .doesNotContain("--min-valid");
    }

    /** A setting is read by its declared constant ({@code Setting.ISSUER}), any other option by its name. */
    @Test
    void everyDeclaredOptionIsReadBySomeCode() throws Exception {
        String code = sourcesOf(JBang.REPO.resolve("lib/src"), JBang.REPO.resolve("sandbox/src"));
        Map<String, Setting> settings = Stream.of(Setting.values()).collect(Collectors.toMap(Setting::key, s -> s));
        for (Command command : everyCommand()) {
            for (Option option : command.spec().allOptions()) {
                Setting setting = settings.get(option.name());
                String read = setting != null ? "Setting\\." + setting.name() + "\\b" : Pattern.quote("\"" + option.name() + "\"");
                assertThat(code).as("--" + option.name() + " of " + command.name() + " is read somewhere").containsPattern(read);
            }
        }
    }

    /** The sources without the declarations, so that what remains is code that reads options. */
    private static String sourcesOf(Path... roots) throws Exception {
        StringBuilder all = new StringBuilder();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("Setting.java")
                        && !f.endsWith("Options.java")).toList()) {
                    Files.readAllLines(file).stream()
                            .filter(l -> !l.contains("Option.value(") && !l.contains("Option.flag(") && !l.contains("CommandSpec.of("))
                            .forEach(l -> all.append(l).append('\n'));
                }
            }
        }
        return all.toString();
    }

    @Test
    void helpNamesTheCommandAsItIsRunAndFitsEightyColumns() {
        Map<String, String> launcher = Map.of("jlogin.launcher", "acme");
        Map<String, String> catalog = Map.of("jlogin.catalog", "acme");
        for (Command command : everyCommand()) {
            String viaLauncher = help(command, launcher, "--help").out();
            assertThat(viaLauncher).as(command.name()).startsWith("Usage: acme " + command.name() + " ")
                    .contains("\n  acme " + command.name());
            String viaCatalog = help(command, catalog, "--help").out();
            assertThat(viaCatalog).as(command.name()).startsWith("Usage: jbang " + command.name() + "@acme ");
            assertThat(help(command, Map.of(), "--help").out()).startsWith("Usage: " + command.name() + " ");
            for (String text : List.of(viaLauncher, viaCatalog)) {
                assertThat(text.lines()).as(command.name()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(80));
            }
            long examples = viaLauncher.lines().dropWhile(l -> !l.equals("Examples:")).skip(1)
                    .takeWhile(l -> !l.isEmpty()).count();
            assertThat(examples).as(command.name()).isBetween(1L, 3L);
        }
    }

    @Test
    void dashHIsHelp() {
        for (Command command : everyCommand()) {
            CliHarness.Result shortForm = help(command, Map.of(), "-h");
            assertThat(shortForm.exit()).isZero();
            assertThat(shortForm.out()).isEqualTo(help(command, Map.of(), "--help").out());
        }
    }

    @Test
    void aMistypedOptionGetsTheNearestOne() {
        CliHarness.Result swapped = help(new TokenCommand(), Map.of(), "--min-vaild", "5");
        assertThat(swapped.exit()).isEqualTo(2);
        assertThat(swapped.err()).contains("unknown option --min-vaild; did you mean --min-valid?");

        assertThat(help(new LoginCommand(), Map.of(), "--isuer", "x").err()).contains("did you mean --issuer?");
        assertThat(help(new LoginCommand(), Map.of(), "--no-browse").err()).contains("did you mean --no-browser?");
        assertThat(help(new ExecCommand(), Map.of(), "--en", "X", "--", "true").err()).contains("did you mean --env?");
        // an abbreviation that stands for one option only
        assertThat(help(new SetupKubeCommand(), Map.of(), "--kubecon", "f").err()).contains("did you mean --kubeconfig?");

        CliHarness.Result far = help(new TokenCommand(), Map.of(), "--frobnicate");
        assertThat(far.exit()).isEqualTo(2);
        assertThat(far.err()).contains("unknown option --frobnicate").doesNotContain("did you mean");
    }

    @Test
    void nearestIsAnEditDistanceWithSwaps() {
        assertThat(Nearest.distance("token", "tokne")).isEqualTo(1);
        assertThat(Nearest.distance("", "abc")).isEqualTo(3);
        assertThat(Nearest.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Nearest.to("statsu", List.of("status", "setup-git"))).contains("status");
        assertThat(Nearest.to("x", List.of("exec"))).isEmpty();
        // "set" abbreviates two commands: no guess
        assertThat(Nearest.to("setup", List.of("setup-git", "setup-kube"))).isEmpty();
    }

    @Test
    void theLaunchersHelpListsEveryCommandWithItsSummary() {
        Launched help = launch(Map.of("jlogin.launcher", "acme"), "help");

        assertThat(help.exit()).isZero();
        assertThat(help.out()).startsWith("Usage: acme COMMAND");
        for (String name : Launcher.COMMANDS) {
            String summary = Launcher.command(name).spec().summary();
            String firstWords = summary.split(" ")[0] + " " + summary.split(" ")[1];
            assertThat(help.out()).as(name).containsPattern("\n  " + Pattern.quote(name) + " +" + Pattern.quote(firstWords));
            assertThat(Launcher.command(name).name()).isEqualTo(name);
        }
        assertThat(help.out().lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(80));
        assertThat(launch(Map.of("jlogin.launcher", "acme"), "-h").out()).isEqualTo(help.out());

        Launched bare = launch(Map.of("jlogin.catalog", "acme"));
        assertThat(bare.exit()).isEqualTo(2);
        assertThat(bare.out()).startsWith("Usage: jbang jlogin@acme COMMAND");
    }

    @Test
    void aMistypedCommandGetsTheNearestOne() {
        Launched typo = launch(Map.of("jlogin.launcher", "acme"), "tokne");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).isEqualTo("acme: unknown command 'tokne'; did you mean 'token'? run 'acme help' for the list\n");

        Launched far = launch(Map.of("jlogin.launcher", "acme"), "frobnicate");
        assertThat(far.err()).isEqualTo("acme: unknown command 'frobnicate'; run 'acme help' for the list\n");
    }

    @Test
    void theCatalogHasAnAliasRunningEachOfTheLaunchersCommandsAndOneForTheLauncher() throws Exception {
        Map<String, Object> catalog = JSON.std.mapFrom(Files.readString(JBang.REPO.resolve("jbang-catalog.json")));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> aliases = (Map<String, Map<String, Object>>) catalog.get("aliases");

        assertThat(aliases.get("jlogin")).containsEntry("script-ref", "lib/JLogin.java");
        assertThat(Files.readAllLines(JBang.REPO.resolve("lib/JLogin.java"))).contains("//MAIN " + Launcher.class.getName());
        for (String name : Launcher.COMMANDS) {
            assertThat(aliases).as(name).containsKey(name);
            Path script = JBang.REPO.resolve((String) aliases.get(name).get("script-ref"));
            assertThat(Files.readString(script)).as(name)
                    .contains("new " + Launcher.command(name).getClass().getSimpleName() + "()");
        }
    }

    private record Launched(int exit, String out, String err) {
    }

    private Launched launch(Map<String, String> properties, String... argv) {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        java.util.Properties props = new java.util.Properties();
        properties.forEach(props::setProperty);
        Environment system = Environment.system();
        Environment env = new Environment(Map.of("JLOGIN_HOME", home.toString()), props, new java.io.ByteArrayInputStream(new byte[0]),
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8), system.clock(), system.sleeper(),
                () -> false, () -> false, () -> false, () -> BrowserLauncher.NONE);
        int exit = Launcher.run(argv, env);
        return new Launched(exit, out.toString(java.nio.charset.StandardCharsets.UTF_8),
                err.toString(java.nio.charset.StandardCharsets.UTF_8));
    }
}
