package dev.jlogin.store;

import dev.jlogin.JLoginException;
import dev.jlogin.json.Json;
import dev.jlogin.json.JsonObject;
import dev.jlogin.json.MalformedJsonException;
import dev.jlogin.oauth.ServerMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Discovery documents on disk, so that refreshing or revoking does not cost a discovery request
 * each time. A damaged or stale entry is simply fetched again. The entries decide where device
 * codes and refresh tokens are sent, so one is used only if nobody but this user could have
 * written it: the home, {@code cache/}, {@code cache/metadata/} and the file must all be owner-only,
 * owned by this user and no symbolic links ({@link #problems}); otherwise it is fetched again
 * and the untrusted place is neither read nor written.
 */
public final class MetadataCache {
    public static final Duration TTL = Duration.ofHours(24);

    /** Entries of an earlier format lack fields a newer jlogin reads (the browser login's endpoint, token exchange): fetched again. */
    private static final long FORMAT = 3;

    /** A discovery document is a few KiB; anything much bigger was not written by us. */
    private static final int MAX_BYTES = 256 * 1024;

    private final Path home;
    private final Path dir;
    private final Clock clock;
    private final boolean onDisk;

    public MetadataCache(Path home, Clock clock) {
        this(home, clock, true);
    }

    private MetadataCache(Path home, Clock clock, boolean onDisk) {
        this.home = home;
        this.dir = home.resolve("cache").resolve("metadata");
        this.clock = clock;
        this.onDisk = onDisk;
    }

    /** A cache that neither reads nor writes anything, for a store that must not touch the disk (memory). */
    public static MetadataCache none(Path home, Clock clock) {
        return new MetadataCache(home, clock, false);
    }

    public Optional<ServerMetadata> get(String issuer) {
        if (!onDisk) {
            return Optional.empty();
        }
        Path file = file(issuer);
        try {
            if (!folderProblems().isEmpty() || SecureFiles.problem(file, SecureFiles.Kind.FILE).isPresent()) {
                return Optional.empty();
            }
            return fromEntry(new String(SecureFiles.read(file, MAX_BYTES), StandardCharsets.UTF_8), issuer);
        } catch (IOException | JLoginException e) {
            return Optional.empty();
        }
    }

    /** The metadata an entry's text holds for {@code issuer}, if it is fresh, of this format and filed under it. */
    Optional<ServerMetadata> fromEntry(String text, String issuer) {
        try {
            JsonObject root = JsonObject.parse(text);
            long fetched = root.integer("fetched_at").orElse(0);
            long now = clock.instant().getEpochSecond();
            // an entry "fetched" in the future would never expire: it was not written by this clock
            if (fetched > now || fetched < now - TTL.toSeconds() || root.integer("format").orElse(1) != FORMAT) {
                return Optional.empty();
            }
            ServerMetadata metadata = ServerMetadata.fromJson(
                    root.object("metadata").orElseThrow(() -> new MalformedJsonException("no metadata")), "cached metadata");
            boolean filedUnder = metadata.issuer().equals(issuer) || metadata.issuerIsTemplate()
                    && root.string("tenant_issuer").filter(issuer::equals).isPresent() && metadata.tenantTemplateFits(issuer);
            return filedUnder ? Optional.of(metadata) : Optional.empty();
        } catch (MalformedJsonException | JLoginException e) {
            return Optional.empty();
        }
    }

    public void put(String issuer, ServerMetadata metadata) {
        if (!onDisk) {
            return;
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("fetched_at", clock.instant().getEpochSecond());
        root.put("metadata", metadata.toJson().asMap());
        if (metadata.issuerIsTemplate()) {
            // a multi-tenant document names no issuer of its own: say which configured one it is filed under
            root.put("tenant_issuer", issuer);
        }
        try {
            // createOwnDirectories refuses only foreign folders; ones open to others are not written either
            if (!folderProblems().isEmpty()) {
                return;
            }
            SecureFiles.createOwnDirectories(home, dir);
            SecureFiles.writeAtomically(file(issuer), Json.writePretty(root).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // a cache that cannot be written only costs a discovery request next time
        }
    }

    /** What makes entries untrusted, for doctor: one line per folder or entry, empty if none. */
    public List<String> problems() throws IOException {
        List<String> problems = folderProblems();
        if (problems.isEmpty() && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.json")) {
                for (Path entry : entries) {
                    problems.addAll(SecureFiles.problem(entry, SecureFiles.Kind.FILE).map(List::of)
                            .orElseGet(() -> contentProblems(entry)));
                }
            }
        }
        return problems;
    }

    private List<String> contentProblems(Path entry) {
        try {
            JsonObject root = JsonObject.parse(new String(SecureFiles.read(entry, MAX_BYTES), StandardCharsets.UTF_8));
            List<String> problems = new ArrayList<>();
            if (root.integer("fetched_at").orElse(0) > clock.instant().getEpochSecond()) {
                problems.add(entry + " claims to be fetched in the future; it is ignored");
            }
            Optional<String> tenantIssuer = root.string("tenant_issuer");
            Optional<String> issuer = tenantIssuer.isPresent() ? tenantIssuer
                    : root.object("metadata").flatMap(MetadataCache::issuerOf);
            if (issuer.isEmpty() || !file(issuer.get()).equals(entry)) {
                problems.add(entry + " does not hold the metadata of the issuer it is filed under; it is ignored");
            }
            return problems;
        } catch (IOException | MalformedJsonException e) {
            return List.of(entry + " is damaged; it is ignored");
        }
    }

    private static Optional<String> issuerOf(JsonObject metadata) {
        try {
            return metadata.string("issuer");
        } catch (MalformedJsonException e) {
            return Optional.empty();
        }
    }

    /** What makes the home, {@code cache/} or {@code cache/metadata/} untrusted; empty if nothing. */
    private List<String> folderProblems() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path folder : List.of(home, dir.getParent(), dir)) {
            SecureFiles.problem(folder, SecureFiles.Kind.DIRECTORY).ifPresent(problems::add);
        }
        return problems;
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
