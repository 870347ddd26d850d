package dev.jlogin.cli.commands;

import dev.jlogin.JLoginException;
import dev.jlogin.Subprocess;
import dev.jlogin.cli.Args;
import dev.jlogin.cli.Command;
import dev.jlogin.cli.CommandSpec;
import dev.jlogin.cli.Context;
import dev.jlogin.cli.ExitCode;
import dev.jlogin.cli.GitHosts;
import dev.jlogin.cli.Invocation;
import dev.jlogin.cli.Option;
import dev.jlogin.cli.Options;
import dev.jlogin.config.Setting;
import dev.jlogin.integration.GitHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code setup-git}: makes git ask {@code git-credential} for the configured hosts, as
 * {@code gh auth setup-git} does: per host, in the user's global git config, an empty
 * {@code helper} entry that drops the helpers inherited for that URL, then ours. Written with
 * {@code git config --global}, never by editing the file.
 */
public final class SetupGitCommand implements Command {
    static final CommandSpec SPEC = CommandSpec.of("setup-git", "configure git to use git-credential for those hosts")
            .about("Configures git (git config --global) to get credentials for the configured git hosts from"
                    + " git-credential: credential.https://HOST.helper (and credential.http://HOST.helper for a"
                    + " loopback host) is reset, then set to '!<this command> git-credential', by absolute paths"
                    + " when run from a clone. Options given here that git-credential needs later"
                    + " (--git-host, --git-username, --profile) go into the helper line.")
            .options(Options.PROFILE, Option.flag("dry-run", "print the git commands instead of running them"))
            .groups(Options.GIT)
            .examples("", "--git-host git.example.com --dry-run", "--git-host http://127.0.0.1:3000");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public ExitCode run(Context ctx) {
        String helper = "!" + Invocation.of(ctx.env()).shellCommand("git-credential").orElseThrow(() -> new JLoginException(
                JLoginException.Kind.CONFIGURATION, "cannot tell how git should run jlogin: run setup-git through your"
                + " organisation's installed command or catalog (it sets jlogin.launcher-path or jlogin.catalog)"));
        List<List<String>> commands = new ArrayList<>();
        for (GitHost host : GitHosts.configured(ctx)) {
            // git picks helpers by URL, scheme included; a loopback server may be plain http
            for (String scheme : host.isLoopback() ? List.of("https", "http") : List.of("https")) {
                String key = "credential." + scheme + "://" + host + ".helper";
                commands.add(List.of("git", "config", "--global", "--replace-all", key, ""));
                commands.add(List.of("git", "config", "--global", "--add", key, helper + options(ctx, host)));
            }
        }
        for (List<String> command : commands) {
            String line = command.stream().map(Invocation::quote).collect(Collectors.joining(" "));
            if (ctx.args().has("dry-run")) {
                ctx.env().out().println(line);
            } else {
                runGit(command, ctx.env().variables());
                ctx.env().out().println("ran: " + line);
            }
        }
        return ExitCode.OK;
    }

    /** The settings given to this call that a later git-credential would not know by itself. */
    private static String options(Context ctx, GitHost host) {
        StringBuilder options = new StringBuilder();
        if (!GitHosts.builtIn(ctx)) {
            options.append(" --git-host ").append(Invocation.quote(host.toString()));
        }
        // both end up in a command line in the git configuration, run by every later git call: a
        // newline there would break all of them, so each is checked before anything is written
        ctx.carried(Setting.PROFILE).ifPresent(value -> options.append(" --profile ").append(Invocation.quote(ctx.profile())));
        ctx.carried(Setting.GIT_USERNAME).ifPresent(value -> {
            if (value.isEmpty() || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw Args.usage("--git-username must be a non-empty name without control characters");
            }
            options.append(" --git-username ").append(Invocation.quote(value));
        });
        return options.toString();
    }

    private static void runGit(List<String> command, Map<String, String> variables) {
        Subprocess.Outcome outcome = Subprocess.run(ConfigProgram.builder(command, variables), new byte[0], ConfigProgram.WAIT, true);
        if (outcome instanceof Subprocess.NotStarted notStarted) {
            throw new JLoginException(JLoginException.Kind.CONFIGURATION, "cannot run git: " + notStarted.reason());
        }
        ConfigProgram.problem("git config", outcome).ifPresent(problem -> {
            throw new JLoginException(JLoginException.Kind.CONFIGURATION, problem);
        });
    }
}
