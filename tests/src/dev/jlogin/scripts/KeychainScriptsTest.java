package dev.jlogin.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.testing.FullTier;
import dev.jlogin.testing.GitClient;
import dev.jlogin.testing.InstalledLauncher;
import dev.jlogin.testing.JBang;
import dev.jlogin.testing.SecurityStandIn;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --store keyring} on a Mac, with Entra-sized tokens: the scripts run with jlogin told it is
 * on macOS ({@code -Djlogin.os.name}) and the stand-in {@code security} first on the PATH. Login, token, refresh with rotation and 16 racing {@code token} processes on an expired
 * token all work, and nothing of a token or of its encoding reaches an output (but token's stdout)
 * or any command line.
 */
@FullTier
class KeychainScriptsTest extends FakeServerScripts {
    private static final String MAC = "-Djlogin.os.name=Mac OS X";
    private static final int RACERS = 16;
    private SecurityStandIn security;

    @BeforeEach
    void onAMac() {
        security = new SecurityStandIn(home.resolve("tools"));
        env.put("PATH", security.folder() + ":" + System.getenv("PATH"));
        env.put("JLOGIN_STORE", "keyring");
        // many processes at once on a small machine: the Keychain calls are not what is under test here
        env.put("JLOGIN_KEYRING_TIMEOUT", "120");
        server.secretLength(3000);
        server.rotateRefreshTokens(true);
        server.approve();
    }

    private JBang.Result run(String command, String... args) {
        List<String> all = new ArrayList<>(List.of(MAC, alias(command)));
        all.addAll(List.of(args));
        return jbang.run(all.toArray(String[]::new));
    }

    /** Nothing issued, nor any 24 characters of it, in base64 or not. */
    private void assertNothingSecretIn(String text) {
        for (String secret : server.issuedSecrets()) {
            assertThat(SecurityStandIn.leaks(text, secret)).as("a piece of an issued token").isFalse();
            assertThat(SecurityStandIn.leaks(text, java.util.Base64.getEncoder().encodeToString(secret.getBytes())))
                    .as("a piece of an issued token's base64").isFalse();
        }
    }

    private String token() {
        JBang.Result token = run("token");
        assertThat(token.exit()).as(token.err()).isZero();
        assertNothingSecretIn(token.err());
        assertThat(server.accepts(token.out().strip())).isTrue();
        return token.out().strip();
    }

    @Test
    void anEntraSizedLoginLivesInTheKeychainThroughRefreshesAndARace() {
        JBang.Result login = run("login", "--no-browser");
        assertThat(login.exit()).as(login.err()).isZero();
        assertThat(login.out()).contains("Logged in to " + server.issuer());
        assertNothingSecretIn(login.both());
        assertThat(home.resolve("jlogin/profiles/default.json")).doesNotExist();
        // a 3000-character access and refresh token: more than two Keychain items' worth
        assertThat(security.items()).hasSizeGreaterThanOrEqualTo(3);

        String first = token();
        JBang.Result refresh = run("refresh");
        assertThat(refresh.exit()).as(refresh.err()).isZero();
        assertNothingSecretIn(refresh.both());
        String second = token();
        assertThat(second).isNotEqualTo(first);

        // a refresh that leaves a token living less than token's 60 s margin: the next token must refresh
        server.accessTokenLifetime(30);
        assertThat(run("refresh").exit()).isZero();
        server.accessTokenLifetime(3600);
        int refreshes = server.refreshes().size();
        // the racers run through the installed launcher (one JVM each, as git or kubectl would call
        // it), told it is on a Mac through the java launcher's own variable
        // (quoted: the variable's words are split at spaces)
        String mac = "-Djlogin.os.name=\"Mac OS X\"";
        env.put("JDK_JAVA_OPTIONS", mac);
        List<JBang.Running> racing = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            racing.add(jbang.startShell(GitClient.quote(InstalledLauncher.path().toString()) + " token"));
        }
        List<JBang.Result> results = racing.stream().map(JBang.Running::await).toList();
        env.remove("JDK_JAVA_OPTIONS");

        assertThat(results).allSatisfy(r -> {
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.err()).isEqualTo("NOTE: Picked up JDK_JAVA_OPTIONS: " + mac + "\n");
        });
        Set<String> printed = results.stream().map(r -> r.out().strip()).collect(Collectors.toSet());
        assertThat(printed).hasSize(1);
        assertThat(server.accepts(printed.iterator().next())).isTrue();
        assertThat(server.refreshes()).hasSize(refreshes + 1);

        JBang.Result whoami = run("whoami");
        assertThat(whoami.exit()).as(whoami.err()).isZero();
        assertThat(whoami.out()).contains("alice@example.com");
        assertNothingSecretIn(whoami.both());
        assertNothingSecretIn(security.commandLines());
    }

    @Test
    void aLockedKeychainIsExit7WithoutEchoingTheTool() {
        assertThat(run("login", "--no-browser").exit()).isZero();
        security.lock();

        JBang.Result token = run("token");

        assertThat(token.exit()).isEqualTo(7);
        assertThat(token.out()).isEmpty();
        assertThat(token.err()).contains("macOS Keychain").contains("it is locked and may not ask to be unlocked here")
                .doesNotContain("SecKeychain");
        assertNothingSecretIn(token.err());

        JBang.Result doctor = run("doctor");
        assertThat(doctor.exit()).isEqualTo(7);
        assertThat(doctor.out()).contains("it is locked and may not ask to be unlocked here").doesNotContain("D-Bus session");
    }

    @Test
    void doctorFindsTheKeychainUsable() {
        JBang.Result doctor = run("doctor", "--json");

        assertThat(doctor.exit()).as(doctor.out() + doctor.err()).isZero();
        assertThat(doctor.out()).contains("\"keyring_usable\":true").contains("\"store_backend\":\"macOS Keychain\"")
                .contains("\"problems\":[]");
    }
}
