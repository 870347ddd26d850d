package dev.jlogin.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.testing.FakeAuthorizationServer;
import dev.jlogin.testing.FullTier;
import dev.jlogin.testing.JBang;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --store keyring} against a real Secret Service: gnome-keyring-daemon on a private D-Bus
 * session (tests/with-keyring; Debian's gnome-keyring, libsecret-tools and dbus). A keyring that
 * is locked, missing or hanging gives a clear exit 7 and never silently becomes a plaintext file.
 */
@FullTier
class KeyringTest extends FakeServerScripts {
    private static final String WITH_KEYRING = JBang.REPO.resolve("tests/with-keyring").toString();

    @BeforeEach
    void useTheKeyring() {
        env.put("JLOGIN_STORE", "keyring");
        env.put("WITH_KEYRING", WITH_KEYRING);
        env.put("LOGIN", "login@" + JBang.CATALOG);
        env.put("TOKEN", "token@" + JBang.CATALOG);
        server.approve();
    }

    private Path tokenFile() {
        return home.resolve("jlogin/profiles/default.json");
    }

    @Test
    void tokensGoToTheKeyringAndNotToAFile() {
        JBang.Result result = jbang.shell("\"$WITH_KEYRING\" bash -c '\"$JBANG\" \"$LOGIN\" --no-browser >/dev/null"
                + " && \"$JBANG\" \"$TOKEN\" && secret-tool lookup application jlogin profile default'");

        assertThat(result.exit()).as(result.err()).isZero();
        String[] lines = result.out().split("\n", 2);
        assertThat(server.accepts(lines[0].strip())).isTrue();
        assertThat(lines[1]).contains("\"access_token\" : \"" + lines[0].strip() + "\"");
        assertThat(tokenFile()).doesNotExist();
        assertThat(home.resolve("jlogin/profiles/default.lock")).exists();
    }

    @Test
    void aLockedKeyringIsAStoreErrorAndNoPlaintextFile() {
        env.put("JLOGIN_TEST_KEYRING", "locked");

        JBang.Result result = jbang.shell("\"$WITH_KEYRING\" \"$JBANG\" \"$LOGIN\" --no-browser");

        assertThat(result.exit()).as(result.err()).isEqualTo(7);
        assertThat(result.err()).contains("Secret Service keyring").contains("secret-tool failed");
        assertThat(tokenFile()).doesNotExist();
    }

    @Test
    void aConfiguredFallbackUsesTheFileAndSaysSo() {
        env.put("JLOGIN_TEST_KEYRING", "locked");
        env.put("JLOGIN_STORE_FALLBACK", "file");

        JBang.Result result = jbang.shell("\"$WITH_KEYRING\" \"$JBANG\" \"$LOGIN\" --no-browser");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.err()).contains("warning: Secret Service keyring unavailable").contains("JLOGIN_STORE_FALLBACK");
        assertThat(tokenFile()).exists();
    }

    @Test
    void noSessionBusAtAllIsAStoreError() {
        JBang.Result result = jbang.shell("env -u DBUS_SESSION_BUS_ADDRESS -u DISPLAY \"$JBANG\" \"$TOKEN\"");

        assertThat(result.exit()).as(result.err()).isEqualTo(7);
        assertThat(result.err()).contains("secret-tool failed");
    }

    @Test
    void doctorExplainsAnUnusableKeyringAndConfirmsAWorkingOne() {
        env.put("DOCTOR", "doctor@" + JBang.CATALOG);

        JBang.Result noBus = jbang.shell("env -u DBUS_SESSION_BUS_ADDRESS -u DISPLAY \"$JBANG\" \"$DOCTOR\"");
        assertThat(noBus.exit()).as(noBus.err()).isEqualTo(7);
        assertThat(noBus.out()).contains("store:         keyring (chosen by JLOGIN_STORE").contains("D-Bus session not set")
                .contains("there is no D-Bus session");

        JBang.Result working = jbang.shell("\"$WITH_KEYRING\" \"$JBANG\" \"$DOCTOR\" --json");
        assertThat(working.exit()).as(working.out() + working.err()).isZero();
        assertThat(working.out()).contains("\"keyring_usable\":true").contains("\"store_backend\":\"Secret Service keyring\"")
                .contains("\"problems\":[]");
    }

    @Test
    void onWindowsTheKeyringIsRefusedWithTheWayOut() {
        JBang.Result result = jbang.run("-Djlogin.os.name=Windows 11", "token@" + JBang.CATALOG);

        assertThat(result.exit()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains("--store keyring is not available on Windows").contains("use --store file");
    }

    @Test
    void aKeyringThatNeverAnswersTimesOutInsteadOfHanging() throws Exception {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path fake = bin.resolve("secret-tool");
        // what a locked keyring with a display does: wait for a person at an unlock prompt
        Files.writeString(fake, "#!/bin/sh\nexec sleep 600\n");
        fake.toFile().setExecutable(true);
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.put("JLOGIN_KEYRING_TIMEOUT", "1");

        long start = System.nanoTime();
        JBang.Result result = jbang.run("token@" + JBang.CATALOG);

        assertThat(result.exit()).as(result.err()).isEqualTo(7);
        assertThat(result.err()).contains("did not answer within 1 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }
}
