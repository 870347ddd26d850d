package dev.jlogin.sandbox;

import dev.jlogin.Host;
import dev.jlogin.UserHome;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak's server distribution ({@code org.keycloak:keycloak-quarkus-dist}) from Maven Central,
 * verified against its published SHA-1 and unpacked once into a cache folder. A copy already in
 * the local Maven repository is used instead of downloading. Both the download and the unpacking
 * happen beside their final place and are renamed into it, so an interrupted run leaves nothing
 * that a later run would trust.
 */
public final class KeycloakDistribution {
    public static final String VERSION = "26.7.3";
    private static final String PATH = "org/keycloak/keycloak-quarkus-dist/" + VERSION + "/keycloak-quarkus-dist-" + VERSION + ".zip";

    private final Path cache;
    private final URI repository;
    private final Path localRepository;
    private final Consumer<String> progress;
    private final DownloadProgress downloads;

    /** {@code progress} takes what is being done, a line each; {@code downloads} shows how far the download has got. */
    public KeycloakDistribution(Path cache, URI repository, Path localRepository, Consumer<String> progress,
                                DownloadProgress downloads) {
        this.cache = cache;
        this.repository = repository;
        this.localRepository = localRepository;
        this.progress = progress;
        this.downloads = downloads;
    }

    /**
     * Cache under {@code JLOGIN_CACHE} (default ~/.cache/jlogin); repository {@code JLOGIN_MAVEN_REPOSITORY};
     * the local Maven repository where Maven keeps it ({@code maven.repo.local}, else .m2/repository
     * in {@code user.home}: Maven takes its default from there, not from $HOME).
     */
    public static KeycloakDistribution fromEnvironment(Map<String, String> env, Consumer<String> progress,
                                                       DownloadProgress downloads) {
        URI repo = URI.create(env.getOrDefault("JLOGIN_MAVEN_REPOSITORY", "https://repo.maven.apache.org/maven2/"));
        Path local = Path.of(Host.property("maven.repo.local",
                Host.userHome().resolve(".m2").resolve("repository").toString()));
        return new KeycloakDistribution(cacheFolder(env), repo, local, progress, downloads);
    }

    /** The cache folder of the distribution: JLOGIN_CACHE/keycloak, ~/.cache/jlogin/keycloak by default. */
    static Path cacheFolder(Map<String, String> env) {
        Path base = env.containsKey("JLOGIN_CACHE") ? Path.of(env.get("JLOGIN_CACHE"))
                : UserHome.of(env).resolve(".cache").resolve("jlogin");
        return base.resolve("keycloak");
    }

    /** The unpacked distribution's home (the folder holding bin/kc.sh), fetching it if needed. */
    public Path home() {
        Path home = cache.resolve("keycloak-" + VERSION);
        if (Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            return home;
        }
        try {
            Files.createDirectories(cache);
            Path zip = zip();
            progress.accept("unpacking " + zip.getFileName());
            Path temp = Files.createTempDirectory(cache, ".unpack-");
            try {
                unzip(zip, temp);
                Files.move(temp.resolve("keycloak-" + VERSION), home, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another run unpacked it first
            } catch (IOException e) {
                if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
                    throw e;
                }
            } finally {
                TempFolders.delete(temp);
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Keycloak in " + cache + ": " + e.getMessage(), e);
        }
    }

    private Path zip() throws IOException {
        Path zip = cache.resolve("keycloak-quarkus-dist-" + VERSION + ".zip");
        if (Files.isRegularFile(zip)) {
            return zip;
        }
        Path local = localRepository.resolve(PATH);
        if (Files.isRegularFile(local)) {
            progress.accept("using " + local);
            Path temp = Files.createTempFile(cache, ".copy-", ".zip");
            try {
                Files.copy(local, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, zip, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
            return zip;
        }
        URI uri = repository.resolve(PATH);
        progress.accept("downloading Keycloak " + VERSION + " from " + uri + " (about 170 MiB, once)");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        Path temp = Files.createTempFile(cache, ".download-", ".zip");
        try {
            String expected = send(http, URI.create(uri + ".sha1"), HttpResponse.BodyHandlers.ofString()).body().trim()
                    .split("\\s+")[0];
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            HttpResponse<InputStream> response = send(http, uri, HttpResponse.BodyHandlers.ofInputStream());
            long size = response.headers().firstValueAsLong("content-length").orElse(-1);
            try (InputStream in = new DigestInputStream(downloads.track(response.body(), size), sha1)) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            String actual = HexFormat.of().formatHex(sha1.digest());
            if (!actual.equalsIgnoreCase(expected)) {
                throw new IOException("checksum mismatch for " + uri + ": expected " + expected + ", got " + actual);
            }
            Files.move(temp, zip, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return zip;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static <T> HttpResponse<T> send(HttpClient http, URI uri, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            HttpResponse<T> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).build(), handler);
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " from " + uri);
            }
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + uri);
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out);
                    if (out.getFileName().toString().endsWith(".sh")) {
                        out.toFile().setExecutable(true);
                    }
                }
            }
        }
    }
}
