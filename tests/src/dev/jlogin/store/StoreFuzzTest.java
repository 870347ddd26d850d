package dev.jlogin.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.JLoginException;
import dev.jlogin.oauth.ServerMetadata;
import dev.jlogin.testing.HostileDocuments;
import dev.jlogin.testing.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * What jlogin reads back from disk, fed hostile inputs (100,000 each per run in the full tier, 2,000 in the
 * fast one: `jqwik.tries.default`; the seed is in the report):
 * a login file gives a login or the store's typed error (exit 7), a metadata cache entry gives
 * metadata for the issuer asked for, or nothing.
 */
class StoreFuzzTest {
    private static final String ISSUER = "https://idp.example/realms/acme";
    private static Path home;
    private static Path entry;
    private final MemoryBackend memory = new MemoryBackend();
    private final TokenStore store = new TokenStore(home, Duration.ofSeconds(1), memory);
    private final MutableClock clock = new MutableClock();

    @BeforeContainer
    static void createHome() throws IOException {
        home = Files.createTempDirectory("jlogin-fuzz");
        MetadataCache cache = new MetadataCache(home, new MutableClock());
        cache.put(ISSUER, new ServerMetadata(ISSUER, URI.create("https://idp.example/device"),
                URI.create("https://idp.example/token"), Optional.empty(), Optional.empty(), Optional.empty()));
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(home.resolve("cache/metadata"))) {
            entry = entries.iterator().next();
        }
    }

    @AfterContainer
    static void removeHome() throws IOException {
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Provide
    Arbitrary<String> loginFiles() {
        Arbitrary<String> tokens = HostileDocuments.aimedAt(Map.of("access_token", "at-1", "token_type", "Bearer",
                "refresh_token", "rt-1", "id_token", "a.b.c", "expires_at", "2026-01-01T00:05:00Z", "scope", "openid"));
        return Arbitraries.frequencyOf(
                Tuple.of(3, HostileDocuments.aimedAt(Map.of("format", 1, "issuer", ISSUER, "client_id", "cli",
                        "scope", "openid", "parameters", Map.of("audience", "api"), "endpoints", Map.of(),
                        "tokens", Map.of("access_token", "at-1", "token_type", "Bearer")))),
                Tuple.of(7, tokens.map(t -> "{\"format\":1,\"issuer\":\"" + ISSUER + "\",\"client_id\":\"cli\","
                        + "\"parameters\":{},\"endpoints\":{},\"tokens\":" + t + "}")));
    }

    @Property
    void loginFiles(@ForAll("loginFiles") String text) throws Exception {
        memory.write("default", text.getBytes(StandardCharsets.UTF_8));
        try {
            Optional<StoredLogin> login = store.read("default");
            if (login.isPresent()) {
                assertThat(login.get().tokens().tokenType()).isEqualToIgnoringCase("Bearer");
                Statistics.collect("parsed");
            } else {
                // a profile's settings without tokens (absent or null): logged out, as revoke leaves it
                Statistics.collect("logged out");
            }
        } catch (JLoginException e) {
            assertThat(e.kind()).isEqualTo(JLoginException.Kind.STORE);
            Statistics.collect("refused");
        }
    }

    @Provide
    Arbitrary<String> cacheEntries() {
        Arbitrary<String> metadata = HostileDocuments.aimedAt(Map.of("issuer", ISSUER, "device_authorization_endpoint",
                "https://idp.example/device", "token_endpoint", "https://idp.example/token", "revocation_endpoint",
                "https://idp.example/revoke", "userinfo_endpoint", "https://idp.example/userinfo"));
        return Arbitraries.frequencyOf(
                Tuple.of(3, HostileDocuments.aimedAt(Map.of("fetched_at", clock.instant().getEpochSecond(), "metadata", Map.of("issuer", ISSUER,
                        "device_authorization_endpoint", "https://idp.example/device", "token_endpoint", "https://idp.example/token")))),
                Tuple.of(7, metadata.map(m -> "{\"fetched_at\":" + clock.instant().getEpochSecond()
                        + ",\"metadata\":" + m + "}")));
    }

    @Property
    void metadataCacheEntries(@ForAll("cacheEntries") String text) {
        Optional<ServerMetadata> metadata = new MetadataCache(home, clock).fromEntry(text, ISSUER);

        metadata.ifPresent(m -> assertThat(m.issuer()).isEqualTo(ISSUER));
        Statistics.collect(metadata.isPresent() ? "used" : "ignored");
    }

    /** The same entries read from disk, through the trust checks (a few thousand: each is a file write and several stats). */
    @Property(tries = 2000)
    void metadataCacheEntriesOnDisk(@ForAll("cacheEntries") String text) throws Exception {
        Files.write(entry, text.getBytes(StandardCharsets.UTF_8));

        Optional<ServerMetadata> metadata = new MetadataCache(home, clock).get(ISSUER);

        assertThat(metadata).isEqualTo(new MetadataCache(home, clock).fromEntry(text, ISSUER));
    }
}
