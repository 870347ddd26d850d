package dev.jlogin.store;

import dev.jlogin.json.Json;
import dev.jlogin.json.JsonObject;
import dev.jlogin.json.MalformedJsonException;
import dev.jlogin.oauth.SignedJwt;
import dev.jlogin.oauth.TokenSet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The lifecycle log: one JSON line per login, refresh (rotated or not), failed refresh, policy
 * refusal and logout, in {@code JLOGIN_HOME/log/lifecycle.jsonl} (owner-only, like the store). It
 * says who did what with which client and when, and names a token only by its {@code jti} claim
 * where it has one: never a token, a code, or anything derived from one. Each line is appended
 * whole under a lock that every process takes, so racing processes never tear or lose a line; past
 * {@link #MAX_BYTES} the log is rotated to {@code lifecycle.jsonl.1} (one generation kept). A log
 * that cannot be written is a warning, never a failed command: the login itself worked.
 */
public final class LifecycleLog {
    /** About 4,000 events; with the one rotated generation, the log stays under 2 MiB. */
    public static final long MAX_BYTES = 1024 * 1024;
    private static final int MAX_LINE = 16 * 1024;
    private final Path home;
    private final Path dir;
    private final Clock clock;
    private final Consumer<String> warnings;
    private final boolean enabled;

    public LifecycleLog(Path home, Clock clock, Consumer<String> warnings) {
        this(home, clock, warnings, true);
    }

    private LifecycleLog(Path home, Clock clock, Consumer<String> warnings, boolean enabled) {
        this.home = home;
        this.dir = home.resolve("log");
        this.clock = clock;
        this.warnings = warnings;
        this.enabled = enabled;
    }

    /** No log: for logins kept in memory, which leave nothing on disk. */
    public static LifecycleLog none(Path home, Clock clock) {
        return new LifecycleLog(home, clock, w -> { }, false);
    }

    public Path file() {
        return dir.resolve("lifecycle.jsonl");
    }

    /**
     * Appends {@code event} for {@code profile}: the settings' issuer and client, and from
     * {@code tokens} (when given) the scopes, the subject and the access token's {@code jti};
     * {@code details} add what is particular to the event (the flow, whether the refresh token rotated, …).
     */
    public void record(String event, String profile, Optional<SavedSettings> settings, Optional<TokenSet> tokens,
                       Map<String, Object> details) {
        if (!enabled) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        line.put("profile", profile);
        line.put("event", event);
        settings.flatMap(SavedSettings::issuer).ifPresent(i -> line.put("issuer", i));
        settings.ifPresent(s -> line.put("client_id", s.clientId()));
        if (tokens.isPresent()) {
            TokenSet t = tokens.get();
            Optional<JsonObject> access = SignedJwt.unverifiedClaims(t.accessToken());
            Optional<String> subject = t.idToken().flatMap(SignedJwt::unverifiedClaims).flatMap(c -> string(c, "sub"))
                    .or(() -> access.flatMap(c -> string(c, "sub")));
            subject.ifPresent(s -> line.put("subject", s));
            t.scope().ifPresent(s -> line.put("scopes", TokenSet.scopes(s)));
            access.flatMap(c -> string(c, "jti")).ifPresent(j -> line.put("jti", j));
        }
        line.putAll(details);
        append(Json.write(line));
    }

    private static Optional<String> string(JsonObject claims, String name) {
        try {
            return claims.string(name);
        } catch (MalformedJsonException e) {
            return Optional.empty();
        }
    }

    private void append(String json) {
        byte[] line = (json + "\n").getBytes(StandardCharsets.UTF_8);
        if (line.length > MAX_LINE) {
            warnings.accept("warning: a lifecycle event was too long to log");
            return;
        }
        // FileLock is per process: threads of this one take turns here first
        synchronized (LifecycleLog.class) {
            try {
                SecureFiles.createOwnDirectories(home, dir);
                try (FileChannel lock = FileChannel.open(dir.resolve("lifecycle.lock"), Set.of(StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), SecureFiles.creationAttributes(dir.resolve("lifecycle.lock")));
                     var held = lock.lock()) {
                    Path file = file();
                    Optional<String> problem = SecureFiles.problem(file, SecureFiles.Kind.FILE);
                    if (problem.isPresent()) {
                        throw new IOException(problem.get());
                    }
                    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) + line.length > MAX_BYTES) {
                        Files.move(file, dir.resolve("lifecycle.jsonl.1"), StandardCopyOption.REPLACE_EXISTING,
                                StandardCopyOption.ATOMIC_MOVE);
                    }
                    try (FileChannel out = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS), SecureFiles.creationAttributes(file))) {
                        ByteBuffer buffer = ByteBuffer.wrap(line);
                        while (buffer.hasRemaining()) {
                            out.write(buffer);
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                warnings.accept("warning: could not append to the lifecycle log " + file() + ": " + e.getMessage());
            }
        }
    }

    /** The logged events, oldest first: the rotated generation, then the current log. */
    public List<String> lines() throws IOException {
        List<String> lines = new ArrayList<>();
        if (!enabled) {
            return lines;
        }
        for (Path file : List.of(dir.resolve("lifecycle.jsonl.1"), file())) {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Optional<String> problem = SecureFiles.problem(file, SecureFiles.Kind.FILE);
            if (problem.isPresent()) {
                throw new IOException(problem.get());
            }
            String text = new String(SecureFiles.read(file, (int) MAX_BYTES + MAX_LINE), StandardCharsets.UTF_8);
            text.lines().filter(l -> !l.isBlank()).forEach(lines::add);
        }
        return lines;
    }
}
