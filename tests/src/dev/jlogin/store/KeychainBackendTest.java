package dev.jlogin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jlogin.testing.FullTier;
import dev.jlogin.testing.SecurityStandIn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Keychain backend against the stand-in {@code security}, which cuts a {@code security -i}
 * line at 4095 bytes, runs the rest as a command and echoes it, as the real one does: logins of
 * every size round-trip, nothing secret reaches a command line or a message, a reader never takes
 * a half-written login for a whole one, and no part outlives the login it belonged to.
 */
@FullTier
class KeychainBackendTest {
    /** -Djlogin.test.seed=N repeats a run. */
    private static final long SEED = Long.getLong("jlogin.test.seed", new Random().nextLong());

    @TempDir
    Path dir;
    private SecurityStandIn security;
    private KeychainBackend keychain;
    private final Random random = new Random(SEED);

    @BeforeEach
    void standIn() {
        System.out.println("KeychainBackendTest seed: " + SEED);
        security = new SecurityStandIn(dir.resolve("tools"));
        keychain = backend();
    }

    private KeychainBackend backend() {
        return new KeychainBackend("0123456789abcdef", security.program().toString(), Duration.ofSeconds(30));
    }

    /** The stand-in driven directly, to set up what a writer of another kind or time left. */
    private SecurityTool tool() {
        return new SecurityTool(security.program().toString(), Duration.ofSeconds(30));
    }

    /** The Keychain holds {@code login} and nothing else: its head and its parts. */
    private void assertHoldsOnly(String login) throws IOException {
        assertThat(keychain.read("default")).contains(login);
        assertThat(security.items()).hasSize(parts(login));
    }

    /** A login's text of {@code size} bytes: JSON around token-like characters. */
    private String login(int size) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
        StringBuilder text = new StringBuilder("{\"access_token\":\"");
        while (text.length() < size - 2) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.append("\"}").toString();
    }

    private void write(String profile, String login) throws IOException {
        keychain.write(profile, login.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 2249, 2251, 3500, 4700, 6000, 16 * 1024, 64 * 1024})
    void aLoginOfAnySizeRoundTripsWithNoSecretOnAnyCommandLine(int size) throws Exception {
        String login = login(size);

        write("default", login);

        assertThat(keychain.read("default")).contains(login);
        assertThat(backend().read("default")).as("read by another process").contains(login);
        assertThat(security.items()).hasSize(parts(login));
        assertThat(SecurityStandIn.leaks(security.commandLines(), login)).isFalse();
        assertThat(SecurityStandIn.leaks(security.commandLines(),
                Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)))).isFalse();
    }

    @Test
    void aSmallerLoginLeavesNoPartOfTheBiggerOneBehind() throws Exception {
        write("default", login(64 * 1024));
        write("default", login(16 * 1024));
        String small = login(1024);

        write("default", small);

        assertHoldsOnly(small);
    }

    @Test
    void profilesAndStoresDoNotMeet() throws Exception {
        String work = login(5000);
        String home = login(7000);
        write("work", work);
        write("home", home);
        KeychainBackend otherStore = new KeychainBackend("fedcba9876543210", security.program().toString(), Duration.ofSeconds(30));

        assertThat(keychain.read("work")).contains(work);
        assertThat(keychain.read("home")).contains(home);
        assertThat(keychain.read("work.a")).isEmpty();
        assertThat(otherStore.read("work")).isEmpty();
    }

    @Test
    void aReaderNeverTakesAHalfWrittenLoginForAWholeOne() throws Exception {
        List<String> logins = List.of(login(9000), login(5000), login(12000));
        write("default", logins.get(0));
        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 1; i <= 6; i++) {
                    write("default", logins.get(i % logins.size()));
                }
            } catch (IOException e) {
                throw new RuntimeException(e);
            } finally {
                writing.set(false);
            }
        });
        List<Optional<String>> seen = new ArrayList<>();
        List<String> gaveUp = new ArrayList<>();
        while (writing.get()) {
            try {
                seen.add(backend().read("default"));
            } catch (IOException e) {
                gaveUp.add(e.getMessage());
            }
        }
        writer.join();

        assertThat(seen).isNotEmpty().allSatisfy(login -> assertThat(login).isPresent().get().isIn(logins));
        // a reader that keeps losing the race to a writer says so; it never returns a mix
        assertThat(gaveUp).allSatisfy(message -> assertThat(message).contains("kept changing while read"));
    }

    @Test
    void theLeftoversOfAWriterKilledMidwayAreRemovedByTheNextWrite() throws Exception {
        write("default", login(4000));
        // what a writer killed after its parts and before its head leaves: the head raised to 5
        // parts (its first line), parts 1..4 in the other slot, the old login still whole
        KeychainHead old = KeychainHead.parse(findHead()).orElseThrow();
        List<String> lines = new ArrayList<>(List.of(add("default", old.withHigh(5).format())));
        for (int i = 1; i < 5; i++) {
            lines.add(add("default:" + old.nextSlot() + ":" + i, "QUJD"));
        }
        tool().session(lines);
        assertThat(security.items()).hasSize(6);
        String next = login(1000);

        write("default", next);

        assertHoldsOnly(next);
    }

    @Test
    void aLoginWrittenByAnEarlierVersionIsReadAndReplaced() throws Exception {
        String login = login(1500);
        // earlier versions kept the whole login, base64-encoded, in the one item
        tool().session(List.of(add("default",
                Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)))));

        assertThat(keychain.read("default")).contains(login);

        String next = login(7000);
        write("default", next);
        assertHoldsOnly(next);
    }

    @Test
    void aDamagedHeadIsAnErrorThatANewLoginRepairs() throws Exception {
        tool()
                .session(List.of(add("default", "jlogin:2:z:1:1::QUJD")));

        assertThatThrownBy(() -> keychain.read("default")).isInstanceOf(IOException.class)
                .hasMessage("the Keychain item is not one jlogin wrote");

        String login = login(2000);
        write("default", login);
        assertThat(keychain.read("default")).contains(login);
    }

    @Test
    void aMissingPartIsAnErrorNotAShortLogin() throws Exception {
        write("default", login(9000));
        tool()
                .session(List.of("delete-generic-password -s jlogin:0123456789abcdef -a default:a:2"));

        assertThatThrownBy(() -> keychain.read("default")).isInstanceOf(IOException.class)
                .hasMessageContaining("incomplete");
    }

    @Test
    void aLockedKeychainIsExplainedWithoutEchoingTheTool() throws Exception {
        String login = login(6000);
        write("default", login);
        security.lock();

        assertThatThrownBy(() -> keychain.read("default")).isInstanceOf(KeyringUnavailableException.class)
                .hasMessageStartingWith("security could not read the Keychain: it is locked and may not ask to be"
                        + " unlocked here");
        assertThatThrownBy(() -> write("default", login(6000))).isInstanceOf(KeyringUnavailableException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SecKeychain").doesNotContain("returned"));
    }

    /** How many items a login takes: a head and the parts of its base64 text after the first. */
    private static int parts(String login) {
        int length = Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)).length();
        return (length + KeychainBackend.PART - 1) / KeychainBackend.PART;
    }

    private String findHead() throws IOException {
        return tool()
                .find("jlogin:0123456789abcdef", "default").orElseThrow();
    }

    private static String add(String account, String value) {
        return "add-generic-password -U -s jlogin:0123456789abcdef -a " + account + " -w " + value;
    }
}
