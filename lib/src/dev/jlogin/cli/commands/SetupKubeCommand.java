package dev.jlogin.cli.commands;

import dev.jlogin.JLoginException;
import dev.jlogin.Subprocess;
import dev.jlogin.cli.Args;
import dev.jlogin.cli.Command;
import dev.jlogin.cli.CommandSpec;
import dev.jlogin.cli.Context;
import dev.jlogin.cli.ExitCode;
import dev.jlogin.cli.Invocation;
import dev.jlogin.cli.Option;
import dev.jlogin.cli.Options;
import dev.jlogin.cli.terminal.Terminal;
import dev.jlogin.config.Audiences;
import dev.jlogin.config.Setting;
import dev.jlogin.config.SettingsResolver;
import dev.jlogin.integration.ExecCredential;
import dev.jlogin.json.Json;
import dev.jlogin.json.MalformedJsonException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code setup-kube}: makes kubectl use {@code kube-credential}, by having kubectl itself write the
 * {@code users[].user.exec} entry ({@code kubectl config set-credentials}), so the kubeconfig is
 * never edited by hand. Settings given as flags or JLOGIN_* variables are carried into the entry,
 * because kubectl runs the plugin without them; a catalog's or launcher's own properties come
 * with the command itself.
 */
public final class SetupKubeCommand implements Command {

    static final CommandSpec SPEC = CommandSpec.of("setup-kube", "write a kubeconfig user whose token comes from"
                    + " kube-credential")
            .about("Writes a kubeconfig user whose credentials come from kube-credential (an exec plugin entry),"
                    + " with 'kubectl config set-credentials', then prints the kubectl command that points a context"
                    + " at it: the current one, else one it makes current. The login settings given here go into"
                    + " the entry, because kubectl runs the plugin without them.")
            .options(Option.value("user", "NAME", "the kubeconfig user to write (default: the launcher's name, else jlogin;"
                    + " -PROFILE added for another profile)"),
                    Option.value("kubeconfig", "FILE", "the kubeconfig to write (default: kubectl's, KUBECONFIG or"
                            + " ~/.kube/config)"),
                    Option.flag("no-browser", "the login that kubectl may start does not open a browser"),
                    Option.flag("dry-run", "print the entry instead of writing it"),
                    Options.CA_FILE)
            .groups(Options.TOKEN_TARGET, Options.LOGIN, Options.REQUEST, Options.ENDPOINTS)
            .examples("", "--profile work --user work", "--token-audience kubernetes --dry-run");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public ExitCode run(Context ctx) {
        List<String> invocation = Invocation.of(ctx.env()).argv("kube-credential").orElseThrow(() -> Args.usage(
                "cannot tell how kubectl should run kube-credential: run setup-kube through the installed launcher,"
                        + " or through a catalog alias that sets the property jlogin.catalog to the catalog's name"));
        String profile = ctx.profile();
        String user = ctx.args().value("user").orElse(ctx.env().properties().getProperty("jlogin.launcher", "jlogin")
                + (profile.equals(SettingsResolver.DEFAULT_PROFILE) ? "" : "-" + profile));
        List<String> args = new ArrayList<>(invocation.subList(1, invocation.size()));
        args.addAll(carriedSettings(ctx));
        if (ctx.args().has("no-browser")) {
            args.add("--no-browser");
        }
        Map<String, String> env = new TreeMap<>();
        ctx.source().environment("JLOGIN_HOME").ifPresent(home -> env.put("JLOGIN_HOME", home));

        if (ctx.args().has("dry-run")) {
            ctx.env().out().println(yaml(user, invocation.get(0), args, env));
            return ExitCode.OK;
        }
        List<String> kubectl = new ArrayList<>(List.of("kubectl", "config", "set-credentials", user,
                "--exec-api-version=" + ExecCredential.V1, "--exec-command=" + invocation.get(0),
                "--exec-interactive-mode=IfAvailable"));
        args.forEach(a -> kubectl.add("--exec-arg=" + csvField(a)));
        env.forEach((k, v) -> kubectl.add("--exec-env=" + k + "=" + v));
        // the same file for every kubectl command here and in what we print
        List<String> kubeconfig = ctx.args().value("kubeconfig").map(file -> List.of("--kubeconfig=" + file)).orElse(List.of());
        kubectl.addAll(kubeconfig);
        Ran written = runKubectl(kubectl, ctx.env().variables());
        if (written.exit() != 0) {
            throw new JLoginException(JLoginException.Kind.CONFIGURATION, "kubectl config set-credentials failed (exit "
                    + written.exit() + ", see above); kubectl older than 1.30 lacks its --exec-interactive-mode:"
                    + " there, add the entry that setup-kube --dry-run prints");
        }
        ctx.env().out().println("Wrote kubeconfig user '" + user + "': kubectl now runs " + String.join(" ", invocation)
                + " for its token.");
        contexts(kubeconfig, ctx.env().variables()).pointAt(user, kubeconfig, Invocation.of(ctx.env()).command(name()))
                .forEach(line -> ctx.env().out().println(Terminal.sanitizeWhole(line)));
        return ExitCode.OK;
    }

    /** The kubeconfig's contexts and clusters, as kubectl merges its files. */
    private static KubeContexts contexts(List<String> kubeconfig, Map<String, String> variables) {
        List<String> view = new ArrayList<>(List.of("kubectl", "config", "view", "-o", "json"));
        view.addAll(kubeconfig);
        Ran ran = runKubectl(view, variables);
        try {
            if (ran.exit() == 0) {
                return KubeContexts.parse(ran.out());
            }
        } catch (MalformedJsonException e) {
            // said below
        }
        throw new JLoginException(JLoginException.Kind.CONFIGURATION, "wrote the user, but kubectl config view failed (exit "
                + ran.exit() + "), so there is no telling which context to point at it");
    }

    /** Flags and JLOGIN_* variables of the common settings, as flags for the plugin's command line. */
    private static List<String> carriedSettings(Context ctx) {
        List<String> flags = new ArrayList<>();
        for (Setting setting : Options.settings().stream().sorted(java.util.Comparator.comparing(Setting::key)).toList()) {
            ctx.carried(setting).ifPresent(value -> flags.addAll(List.of(setting.flag(), value)));
        }
        // the API kubectl's token is for, checked now rather than when kubectl first runs the plugin
        // resolved now: kubectl runs the plugin without the JLOGIN_AUDIENCES this call may have had
        ctx.target().map(Audiences.from(ctx.source())::resolve).ifPresent(target -> {
            target.audience().ifPresent(a -> flags.addAll(List.of("--token-audience", a)));
            target.resource().ifPresent(r -> flags.addAll(List.of("--token-resource", r)));
            target.scope().ifPresent(sc -> flags.addAll(List.of("--token-scope", sc)));
        });
        return flags;
    }

    /**
     * kubectl reads each --exec-arg as a comma-separated list (a CSV record), so a value with a
     * comma or a quote is quoted, CSV style, to stay one argument.
     */
    private static String csvField(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    /** The entry as kubeconfig YAML; JSON strings are YAML scalars, so quoting is exact. */
    private static String yaml(String user, String command, List<String> args, Map<String, String> env) {
        StringBuilder out = new StringBuilder();
        out.append("users:\n- name: ").append(Json.write(user)).append('\n')
                .append("  user:\n    exec:\n")
                .append("      apiVersion: ").append(Json.write(ExecCredential.V1)).append('\n')
                .append("      command: ").append(Json.write(command)).append('\n')
                .append("      args: ").append(Json.write(args)).append('\n');
        if (!env.isEmpty()) {
            out.append("      env:\n");
            env.forEach((k, v) -> out.append("      - name: ").append(Json.write(k)).append("\n        value: ")
                    .append(Json.write(v)).append('\n'));
        }
        return out.append("      interactiveMode: IfAvailable").toString();
    }

    /** How kubectl ended, and its stdout. */
    private record Ran(int exit, String out) {
    }

    /** kubectl's own messages go straight to stderr; its stdout is ours to read (its "User set" line is replaced by ours). */
    private static Ran runKubectl(List<String> command, Map<String, String> variables) {
        Subprocess.Outcome outcome = Subprocess.run(ConfigProgram.builder(command, variables)
                .redirectOutput(ProcessBuilder.Redirect.PIPE), new byte[0], ConfigProgram.WAIT, true);
        if (outcome instanceof Subprocess.Ended ended) {
            return new Ran(ended.exit(), ended.out());
        }
        throw new JLoginException(JLoginException.Kind.CONFIGURATION, outcome instanceof Subprocess.NotStarted
                ? "kubectl is not on PATH; setup-kube --dry-run prints the entry to add yourself"
                : ConfigProgram.problem("kubectl", outcome).orElseThrow());
    }
}
