package dev.jlogin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jlogin.JLoginException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the organisation's policy: where it is, which source wins, and that a typo is an error. */
class PolicyTest {
    @TempDir
    Path dir;

    private Path file(String text) {
        try {
            return Files.writeString(dir.resolve("policy.properties"), text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Properties catalog(String... pairs) {
        Properties properties = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        return properties;
    }

    private static Policy load(Path file, Properties properties) {
        return Policy.load(Map.of(Policy.FILE_VARIABLE, file.toString()), properties, "Linux");
    }

    private static void assertRefused(Runnable loading, String... messageParts) {
        assertThatThrownBy(loading::run).isInstanceOfSatisfying(JLoginException.class, e -> {
            assertThat(e.kind()).isEqualTo(JLoginException.Kind.CONFIGURATION);
            assertThat(e.getMessage()).contains(messageParts).doesNotContain("\n");
        });
    }

    /** The file is read whole as UTF-8: bytes that are not are the same one line as any unreadable file. */
    @Test
    void aFileThatIsNotUtf8IsRefusedInOneLine() throws Exception {
        Path file = Files.write(dir.resolve("policy.properties"), new byte[] {'s', 't', 'o', 'r', 'e', '=', (byte) 0xff, '\n'});

        assertRefused(() -> load(file, new Properties()), "the organisation's policy file " + file, "it cannot be read");
    }

    @Test
    void theFileWinsOverTheCatalogKeyByKey() throws Exception {
        Path file = file("# installed by device management\nstore = keyring\nmax-session = 12h\n");

        Policy policy = load(file, catalog("jlogin.policy.store", "file", "jlogin.policy.flows", "device",
                "jlogin.policy.require-revocation", "true", "jlogin.issuer", "https://not.policy"));

        assertThat(policy.stores()).contains(Set.of("keyring"));
        assertThat(policy.maxSession()).contains(Duration.ofHours(12));
        assertThat(policy.flows()).contains(Set.of("device"));
        assertThat(policy.requireRevocation()).isTrue();
        assertThat(policy.requireVerifiedIdToken()).isFalse();
        assertThat(policy.scopes()).isEmpty();
        assertThat(policy.rule("store")).isEqualTo("store = keyring, set in " + file);
        assertThat(policy.rule("flows")).isEqualTo("flows = device, set in the catalog property jlogin.policy.flows");
    }

    @Test
    void listsTakeCommasOrSpacesAndDurationsTakeTheirUnits() throws Exception {
        Policy policy = load(file("scopes = openid, profile email\nflows=device browser\nmax-session=7d\n"), new Properties());

        assertThat(policy.scopes()).contains(Set.of("openid", "profile", "email"));
        assertThat(policy.flows()).contains(Set.of("device", "browser"));
        assertThat(policy.maxSession()).contains(Duration.ofDays(7));
        assertThat(load(file("max-session=90m"), new Properties()).maxSession()).contains(Duration.ofMinutes(90));
        assertThat(load(file("max-session=3600s"), new Properties()).maxSession()).contains(Duration.ofHours(1));
    }

    @Test
    void anUnknownKeyIsAnErrorNamingItAndWhereItIsSet() throws Exception {
        Path file = file("store=keyring\nmax-sesion=12h\n");
        assertRefused(() -> load(file, new Properties()), "unknown policy key 'max-sesion' (in " + file + ")",
                "the keys are store, max-session, flows");
        assertRefused(() -> load(file(""), catalog("jlogin.policy.stores", "keyring")),
                "'stores' (in the catalog property jlogin.policy.stores)");
    }

    @Test
    void aMalformedValueIsAnErrorSayingWhatTheKeyTakes() throws Exception {
        Properties none = new Properties();
        assertRefused(() -> load(file("max-session=12 hours"), none), "max-session", "30m, 12h, 7d", "'12 hours'");
        assertRefused(() -> load(file("max-session=0h"), none), "max-session", "'0h'");
        assertRefused(() -> load(file("store=disk"), none), "store", "file, keyring, memory", "'disk'");
        assertRefused(() -> load(file("flows="), none), "flows", "device, browser");
        assertRefused(() -> load(file("require-revocation=yes"), none), "require-revocation", "true or false", "'yes'");
        assertRefused(() -> load(file("require-verified-id-token=1"), none), "require-verified-id-token", "true or false");
    }

    @Test
    void aNamedFileThatCannotBeReadIsAnErrorNotNoPolicy() throws Exception {
        assertRefused(() -> load(dir.resolve("missing.properties"), new Properties()), "policy file", "missing.properties",
                "no such file", "JLOGIN_POLICY_FILE");
        assertRefused(() -> load(dir, new Properties()), "not a regular file");
        Path huge = Files.write(dir.resolve("huge.properties"), new byte[70 * 1024]);
        assertRefused(() -> load(huge, new Properties()), "at most 64 KiB");
    }

    @Test
    void nothingSetIsNoPolicy() throws Exception {
        Policy policy = load(file("# nothing yet\n"), catalog("jlogin.issuer", "https://id.example.com"));

        assertThat(policy.isEmpty()).isTrue();
        assertThat(policy.stores()).isEmpty();
        assertThat(policy.maxSession()).isEmpty();
        policy.checkStore("file", Optional.of("file"));
        policy.checkScopes("the login", Optional.of("openid anything"));
    }

    @Test
    void theDefaultFileIsWhereDeviceManagementInstallsIt() {
        assertThat(Policy.defaultFile("Linux", Map.of())).isEqualTo(Path.of("/etc/jlogin/policy.properties"));
        assertThat(Policy.defaultFile("Mac OS X", Map.of()))
                .isEqualTo(Path.of("/Library/Application Support/jlogin/policy.properties"));
        assertThat(Policy.defaultFile("Windows 11", Map.of("ProgramData", "D:\\Data")).toString())
                .contains("D:\\Data", "jlogin", "policy.properties");
    }

    @Test
    void theStoreAndItsFallbackMustBeAllowed() throws Exception {
        Policy policy = load(file("store=keyring"), new Properties());

        policy.checkStore("keyring", Optional.empty());
        assertRefused(() -> policy.checkStore("file", Optional.empty()), "the file store was chosen",
                "forbids (store = keyring, set in", "use keyring (--store, JLOGIN_STORE)");
        assertRefused(() -> policy.checkStore("keyring", Optional.of("file")), "fall back to the file store",
                "unset JLOGIN_STORE_FALLBACK");
    }

    @Test
    void aScopeBeyondTheListIsRefusedNamingIt() throws Exception {
        Policy policy = load(file("scopes=openid profile email offline_access"), new Properties());

        policy.checkScopes("the login", Optional.of("openid email"));
        policy.checkScopes("the login", Optional.empty());
        assertRefused(() -> policy.checkScopes("the login", Optional.of("openid admin email write")), "asks for the scope admin write",
                "ask only for openid profile email offline_access (--scope)");
    }
}
