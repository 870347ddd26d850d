package dev.jlogin.cli.launcher;

import dev.jlogin.Secret;
import dev.jlogin.cli.terminal.Environment;
import dev.jlogin.config.SettingsResolver;
import dev.jlogin.install.Installer;
import dev.jlogin.oauth.TokenRequest;
import dev.jlogin.oauth.TokenSet;
import dev.jlogin.store.LoginFacts;
import dev.jlogin.store.StoredLogin;
import dev.jlogin.store.TokenStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The training run behind an installed launcher's start-up cache: the calls that scripts and
 * tools make over and over, through the launcher's own entry point, in one JVM, against a dummy
 * login. It needs no network: the dummy tokens (the login's own, and one kept for another API) are
 * valid, so nothing is refreshed. Its stdout (the dummy tokens) is discarded by the installer.
 */
public final class LauncherTraining {
    private static final String ISSUER = "https://training.invalid";
    private static final String CLIENT = "training";
    private static final String GIT_HOST = "git.training.invalid";
    private static final String TRAINING_API = "training-api";
    private static final String[][] CALLS = {{"token"}, {"token", "--audience", TRAINING_API}, {"git-credential", "get"},
            {"kube-credential"}};
    /** What kubectl puts in the plugin's environment. */
    private static final String EXEC_INFO = "{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
            + "\"spec\":{\"interactive\":false}}";

    private LauncherTraining() {
    }

    /** The training of {@code install}: a dummy login in the throw-away home, then {@link #main}. */
    static Installer.Training training() {
        return new Installer.Training(LauncherTraining.class.getName(),
                Map.of("JLOGIN_ISSUER", ISSUER, "JLOGIN_CLIENT_ID", CLIENT, "JLOGIN_GIT_HOSTS", GIT_HOST,
                        "KUBERNETES_EXEC_INFO", EXEC_INFO), home -> {
                    TokenSet tokens = new TokenSet(Secret.of("training-access-token"), "Bearer",
                            Optional.of(Secret.of("training-refresh-token")), Optional.empty(),
                            Optional.of(Instant.now().plusSeconds(3600)), Optional.of("openid"));
                    new TokenStore(home, TokenStore.DEFAULT_LOCK_TIMEOUT).write(SettingsResolver.DEFAULT_PROFILE,
                            new StoredLogin(Optional.of(ISSUER), CLIENT, Optional.of("openid"), Map.of(), Map.of(), tokens)
                                    .with(new LoginFacts(Instant.now(), "device", "public", "none", Optional.empty(),
                                            Optional.empty()))
                                    .withTarget(TokenRequest.audience(TRAINING_API), tokens));
                });
    }

    public static void main(String[] argv) {
        Environment system = Environment.system();
        for (String[] call : CALLS) {
            // what git writes on a credential helper's stdin; the token calls read nothing
            Environment env = new Environment(system.variables(), system.properties(),
                    new ByteArrayInputStream(("protocol=https\nhost=" + GIT_HOST + "\n\n").getBytes(StandardCharsets.UTF_8)),
                    system.out(), system.err(), system.clock(), system.sleeper(), system.stdinIsTerminal(), system.stdoutIsTerminal(), system.stderrIsTerminal(),
                    system.browser());
            if (Launcher.run(call, env) != 0) {
                env.err().println("training call failed: " + String.join(" ", call));
                System.exit(1);
            }
        }
        // once more under a policy file, as an organisation's machines run it: reading and checking it
        // go into the archive too
        Map<String, String> variables = new java.util.HashMap<>(system.variables());
        try {
            Path policy = Path.of(variables.get("JLOGIN_HOME")).resolve("training-policy.properties");
            Files.writeString(policy, "store = file, keyring\nmax-session = 7d\nscopes = openid profile\n");
            variables.put("JLOGIN_POLICY_FILE", policy.toString());
        } catch (IOException e) {
            system.err().println("training: cannot write a policy file: " + e.getMessage());
            System.exit(1);
        }
        Environment env = new Environment(variables, system.properties(), new ByteArrayInputStream(new byte[0]), system.out(),
                system.err(), system.clock(), system.sleeper(), system.stdinIsTerminal(), system.stdoutIsTerminal(),
                system.stderrIsTerminal(), system.browser());
        if (Launcher.run(CALLS[0], env) != 0) {
            env.err().println("training call failed under a policy");
            System.exit(1);
        }
        System.exit(0);
    }
}
