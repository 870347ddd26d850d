package dev.jlogin.store;

import dev.jlogin.JLoginException;
import dev.jlogin.json.Json;
import dev.jlogin.json.JsonObject;
import dev.jlogin.json.MalformedJsonException;
import dev.jlogin.oauth.ServerMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Discovery documents on disk, so that refreshing or revoking does not cost a discovery request
 * each time. A damaged or stale entry is simply fetched again.
 */
public final class MetadataCache {
    public static final Duration TTL = Duration.ofHours(24);

    private final Path dir;
    private final Clock clock;

    public MetadataCache(Path home, Clock clock) {
        this.dir = home.resolve("cache").resolve("metadata");
        this.clock = clock;
    }

    public Optional<ServerMetadata> get(String issuer) {
        Path file = file(issuer);
        try {
            JsonObject root = JsonObject.parse(Files.readString(file, StandardCharsets.UTF_8));
            Instant fetched = Instant.ofEpochSecond(root.integer("fetched_at").orElse(0));
            if (fetched.plus(TTL).isBefore(clock.instant())) {
                return Optional.empty();
            }
            ServerMetadata metadata = ServerMetadata.fromJson(
                    root.object("metadata").orElseThrow(() -> new MalformedJsonException("no metadata")), "cached metadata");
            return metadata.issuer().equals(issuer) ? Optional.of(metadata) : Optional.empty();
        } catch (IOException | MalformedJsonException | JLoginException e) {
            return Optional.empty();
        }
    }

    public void put(String issuer, ServerMetadata metadata) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("fetched_at", clock.instant().getEpochSecond());
        root.put("metadata", metadata.toJson().asMap());
        try {
            SecureFiles.createPrivateDirectories(dir);
            SecureFiles.writeAtomically(file(issuer), Json.writePretty(root).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // a cache that cannot be written only costs a discovery request next time
        }
    }

    private Path file(String issuer) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(issuer.getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(hash, 0, 16) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
