package dev.jlogin.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.Secret;
import dev.jlogin.json.JsonObject;
import dev.jlogin.oauth.TokenSet;
import dev.jlogin.testing.MutableClock;
import dev.jlogin.testing.SigningKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lifecycle log's file: owner-only JSON lines that name tokens only by their jti, rotated when full, never written through a link. */
class LifecycleLogTest {
    @TempDir
    Path home;
    /** A file outside the home a link may point at (removed with the test). */
    @TempDir
    Path outside;
    private final MutableClock clock = new MutableClock();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final SavedSettings settings = new SavedSettings(Optional.of("https://id.example.com"), "cli", Optional.of("openid"),
            Map.of(), Map.of(), "oidc");

    private LifecycleLog log() {
        return new LifecycleLog(home, clock, warnings::add);
    }

    @Test
    void anEventIsOneOwnerOnlyJsonLineThatNamesTheTokenOnlyByItsJti() throws Exception {
        String access = SigningKeys.sign(SigningKeys.header("RS256", "k1"), Map.of("sub", "user-1", "jti", "at-42", "exp", 1),
                SigningKeys.rsa().getPrivate());
        TokenSet tokens = new TokenSet(Secret.of(access), "Bearer", Optional.of(Secret.of("refresh-secret-1")), Optional.empty(),
                Optional.empty(), Optional.of("openid email"));

        log().record("refresh", "work", Optional.of(settings), Optional.of(tokens), Map.of("rotated", true));

        Path file = home.resolve("log/lifecycle.jsonl");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        List<String> lines = log().lines();
        assertThat(lines).hasSize(1);
        assertThat(JsonObject.parse(lines.get(0)).asMap()).containsEntry("time", "2026-01-01T00:00:00Z")
                .containsEntry("profile", "work").containsEntry("event", "refresh").containsEntry("issuer", "https://id.example.com")
                .containsEntry("client_id", "cli").containsEntry("subject", "user-1").containsEntry("jti", "at-42")
                .containsEntry("scopes", List.of("openid", "email")).containsEntry("rotated", true);
        assertThat(Files.readString(file)).doesNotContain(access).doesNotContain(access.substring(0, 20))
                .doesNotContain("refresh-secret-1");
    }

    @Test
    void aFullLogIsRotatedKeepingOneGeneration() throws Exception {
        String filler = "x".repeat(10_000);
        int events = (int) (2.5 * LifecycleLog.MAX_BYTES / 10_000);
        for (int i = 0; i < events; i++) {
            log().record("login", "p" + i, Optional.of(settings), Optional.empty(), Map.of("note", filler));
        }

        assertThat(Files.size(home.resolve("log/lifecycle.jsonl"))).isLessThanOrEqualTo(LifecycleLog.MAX_BYTES);
        assertThat(Files.size(home.resolve("log/lifecycle.jsonl.1"))).isLessThanOrEqualTo(LifecycleLog.MAX_BYTES);
        List<String> lines = log().lines();
        assertThat(lines.size()).isBetween(150, events - 1);
        assertThat(JsonObject.parse(lines.get(lines.size() - 1)).string("profile")).contains("p" + (events - 1));
        assertThat(warnings).isEmpty();
    }

    @Test
    void aLinkInPlaceOfTheLogIsNotWrittenThroughAndTheCommandGoesOn() throws Exception {
        Path elsewhere = Files.writeString(outside.resolve("elsewhere"), "");
        Files.createDirectories(home.resolve("log"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.createSymbolicLink(home.resolve("log/lifecycle.jsonl"), elsewhere);

        log().record("login", "default", Optional.of(settings), Optional.empty(), Map.of());

        assertThat(Files.readString(elsewhere)).isEmpty();
        assertThat(warnings).singleElement().asString().startsWith("warning: could not append to the lifecycle log");
    }

    @Test
    void memoryLeavesNoLog() throws Exception {
        LifecycleLog none = new TokenStore(home, java.time.Duration.ofSeconds(1), MemoryBackend.PROCESS).log(clock, warnings::add);
        none.record("login", "default", Optional.of(settings), Optional.empty(), Map.of());
        assertThat(home.resolve("log")).doesNotExist();
        assertThat(none.lines()).isEmpty();
    }
}
