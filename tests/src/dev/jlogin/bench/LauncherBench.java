package dev.jlogin.bench;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.jlogin.oauth.TokenRequest;
import dev.jlogin.store.LoginFacts;
import dev.jlogin.store.StoredLogin;
import dev.jlogin.store.TokenStore;
import dev.jlogin.testing.FakeAuthorizationServer;
import dev.jlogin.testing.JBang;
import dev.jlogin.testing.Logins;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The cost of one {@code token} call, installed launcher against JBang against the floor (a JVM
 * that prints hello) and against {@code gh auth token}: hyperfine over the same valid cached
 * token, side by side in one run, plus peak RSS ({@code /usr/bin/time}), a cold-cache first run,
 * and the network requests made (none while the token is valid, one when it has expired).
 *
 * <p>Run: bench/launcher [runs] (default 20, after 3 warm-up runs; CI runs 2 after 1 to keep it working and asserts no timing).
 */
public final class LauncherBench {
    /** The other API a token is kept for. */
    private static final String API = "orders-api";
    private record Row(String label, List<String> command) {
        /** The command as one line of shell words, which is how hyperfine takes it. */
        String line() {
            return String.join(" ", command.stream().map(w -> "'" + w.replace("'", "'\\''") + "'").toList());
        }
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path work = Files.createTempDirectory("jlogin-bench-");
        try (FakeAuthorizationServer server = new FakeAuthorizationServer()) {
            run(work, server, runs);
        } finally {
            delete(work);
        }
    }

    private static void run(Path work, FakeAuthorizationServer server, int runs) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        JBang jbang = new JBang(work, env);
        Path bin = work.resolve("bin");
        JBang.Result install = jbang.run("install@" + JBang.CATALOG, "--bin-dir", bin.toString(), "--name", "bench",
                "--issuer", server.issuer(), "--client-id", "cli");
        require(install.exit() == 0, "install failed: " + install.err());
        Path launcher = bin.resolve("bench");
        store(work, server, Instant.now().plus(Duration.ofDays(1)));

        Path hello = work.resolve("hello");
        Files.createDirectories(hello);
        Files.writeString(hello.resolve("Hello.java"), "public class Hello { public static void main(String[] a) {"
                + " System.out.println(\"hello\"); } }\n");
        exec(work, env, List.of("javac", "-d", hello.toString(), hello.resolve("Hello.java").toString()));
        exec(work, env, List.of("jar", "cf", hello.resolve("hello.jar").toString(), "-C", hello.toString(), "Hello.class"));

        List<Row> rows = new ArrayList<>();
        rows.add(new Row("java -cp hello.jar Hello", List.of("java", "-cp", hello.resolve("hello.jar").toString(), "Hello")));
        boolean gh = onPath("gh");
        if (gh) {
            Path ghConfig = work.resolve("gh");
            Files.createDirectories(ghConfig);
            Files.writeString(ghConfig.resolve("hosts.yml"), "github.com:\n    oauth_token: gho_benchtoken\n    user: bench\n"
                    + "    git_protocol: https\n");
            env.put("GH_CONFIG_DIR", ghConfig.toString());
            rows.add(new Row("gh auth token", List.of("gh", "auth", "token")));
        }
        rows.add(new Row("installed launcher: bench token", List.of(launcher.toString(), "token")));
        rows.add(new Row("installed launcher: bench token --audience, kept", List.of(launcher.toString(), "token", "--audience",
                API)));
        // a policy file with every key that token reads set (env(1) costs about a millisecond more than exec)
        Path policy = Files.writeString(work.resolve("policy.properties"), "store = file, keyring\nmax-session = 7d\n"
                + "flows = device, browser\nrequire-revocation = true\nscopes = openid profile email offline_access\n");
        rows.add(new Row("installed launcher: bench token, policy file", List.of("env", "JLOGIN_POLICY_FILE=" + policy,
                launcher.toString(), "token")));
        Path request = work.resolve("git-request.txt");
        Files.writeString(request, "protocol=https\nhost=git.example.com\n\n");
        env.put("JLOGIN_GIT_HOSTS", "git.example.com");
        // git writes the request on the helper's stdin: a shell redirects it (hyperfine 1.15 has no --input)
        rows.add(new Row("installed launcher: bench git-credential get", List.of("sh", "-c",
                "exec " + launcher + " git-credential get < " + request)));
        env.put("KUBERNETES_EXEC_INFO", "{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                + "\"spec\":{\"interactive\":false}}");
        rows.add(new Row("installed launcher: bench kube-credential", List.of(launcher.toString(), "kube-credential")));
        rows.add(new Row("jbang token@catalog", List.of(JBang.REPO.resolve("jbang").toString(), "token@" + JBang.CATALOG)));
        rows.add(new Row("jbang Hello.java", List.of(JBang.REPO.resolve("jbang").toString(), hello.resolve("Hello.java").toString())));

        int requestsBefore = server.requests().size();
        Map<String, Double> medians = hyperfine(work, env, rows, runs);
        int requestsDuring = server.requests().size() - requestsBefore;

        Map<String, Long> rss = new LinkedHashMap<>();
        for (Row row : rows) {
            rss.put(row.label(), peakRss(work, env, row.command()));
        }

        // the first refresh also discovers the issuer's endpoints (then cached for a day): not the case measured
        store(work, server, Instant.now().minusSeconds(1));
        exec(work, env, List.of(launcher.toString(), "token"));
        store(work, server, Instant.now().minusSeconds(1));
        int beforeExpired = server.requests().size();
        exec(work, env, List.of(launcher.toString(), "token"));
        int requestsExpired = server.requests().size() - beforeExpired;

        env.put("JBANG_DIR", work.resolve("cold-jbang").toString());
        long cold = System.nanoTime();
        exec(work, env, List.of(JBang.REPO.resolve("jbang").toString(), "token@" + JBang.CATALOG));
        double coldSeconds = (System.nanoTime() - cold) / 1e9;

        System.out.println();
        System.out.printf("Machine: %d cores, %s %s, Java %s; %d runs each (hyperfine), valid cached token%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), runs);
        System.out.println();
        System.out.println("| command | median | peak RSS |");
        System.out.println("|---|---|---|");
        for (Row row : rows) {
            System.out.printf("| `%s` | %.1f ms | %.1f MiB |%n", row.label(), medians.get(row.label()) * 1000,
                    rss.get(row.label()) / 1024.0);
        }
        double floor = medians.get(rows.get(0).label());
        double installed = medians.get("installed launcher: bench token");
        System.out.println();
        System.out.printf("installed token / java hello: %.2fx (target <= 1.5x, stretch 1.25x)%n", installed / floor);
        System.out.printf("installed token with a policy file / java hello: %.2fx (target <= 1.1x)%n",
                medians.get("installed launcher: bench token, policy file") / floor);
        System.out.printf("installed token --audience, kept / java hello: %.2fx (target <= 1.2x)%n",
                medians.get("installed launcher: bench token --audience, kept") / floor);
        if (gh) {
            System.out.printf("installed token / gh auth token: %.2fx%n", installed / medians.get("gh auth token"));
        }
        System.out.printf("jbang token@ / jbang Hello.java: %.2fx (target <= 1.25x)%n",
                medians.get("jbang token@catalog") / medians.get("jbang Hello.java"));
        System.out.printf("peak RSS of the installed token: %.1f MiB (target <= 48 MiB)%n",
                rss.get("installed launcher: bench token") / 1024.0);
        System.out.printf("network requests: %d during all runs with a valid token (must be 0), %d for one call with an"
                + " expired token (must be 1)%n", requestsDuring, requestsExpired);
        System.out.printf("first run of token@ from a cold JBang cache (dependencies in the Maven repository): %.1f s"
                + " (target < 5 s)%n", coldSeconds);
        require(requestsDuring == 0 && requestsExpired == 1, "unexpected network requests");
    }

    /** Stores a login whose access token, and the one kept for {@link #API}, expire at {@code expiresAt}. */
    private static void store(Path work, FakeAuthorizationServer server, Instant expiresAt) {
        FakeAuthorizationServer.Minted minted = server.mint();
        StoredLogin login = Logins.login(server.issuer(), minted.accessToken(), minted.refreshToken(), expiresAt);
        new TokenStore(work.resolve("jlogin"), Duration.ofSeconds(5)).write("default", login
                .with(new LoginFacts(Instant.now(), "device", "public", "none", Optional.empty(), Optional.empty()))
                .withTarget(TokenRequest.audience(API), login.tokens()));
    }

    /** Medians in seconds, by label; one hyperfine run, so the figures are side by side. */
    private static Map<String, Double> hyperfine(Path work, Map<String, String> env, List<Row> rows, int runs)
            throws Exception {
        Path json = work.resolve("hyperfine.json");
        List<String> command = new ArrayList<>(List.of("hyperfine", "-N", "--style", "basic", "--warmup", String.valueOf(Math.min(3, runs / 2)),
                "--runs", String.valueOf(runs), "--export-json", json.toString()));
        for (Row row : rows) {
            command.add("--command-name");
            command.add(row.label());
            command.add(row.line());
        }
        ProcessBuilder builder = builder(work, env, command).inheritIO();
        require(builder.start().waitFor() == 0, "hyperfine failed");
        Map<String, Object> results = JSON.std.mapFrom(Files.readString(json));
        Map<String, Double> medians = new LinkedHashMap<>();
        for (Object result : (List<?>) results.get("results")) {
            Map<?, ?> r = (Map<?, ?>) result;
            medians.put((String) r.get("command"), ((Number) r.get("median")).doubleValue());
        }
        return medians;
    }

    /** The largest of three runs' maximum resident set size, in KiB, from GNU time. */
    private static long peakRss(Path work, Map<String, String> env, List<String> command) throws Exception {
        long peak = 0;
        for (int i = 0; i < 3; i++) {
            Path out = work.resolve("time.txt");
            List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M", "-o", out.toString()));
            timed.addAll(command);
            exec(work, env, timed);
            peak = Math.max(peak, Long.parseLong(Files.readString(out).strip().lines().reduce((a, b) -> b).orElseThrow()));
        }
        return peak;
    }

    private static void exec(Path work, Map<String, String> env, List<String> command) throws Exception {
        Process process = builder(work, env, command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        require(process.waitFor(5, TimeUnit.MINUTES) && process.exitValue() == 0, "failed: " + String.join(" ", command));
    }

    /** The scripts' isolated environment (as the tests have it), so the user's own logins are never touched. */
    private static ProcessBuilder builder(Path work, Map<String, String> env, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        Map<String, String> e = builder.environment();
        e.keySet().removeIf(k -> k.startsWith("JLOGIN_") || k.startsWith("JBANG_") || k.startsWith("GH_"));
        e.put("HOME", work.toString());
        e.put("JLOGIN_HOME", work.resolve("jlogin").toString());
        e.put("JBANG_DIR", JBang.REPO.resolve("target/jbang-cache").toString());
        e.put("JBANG_REPO", Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        e.put("JBANG_NO_VERSION_CHECK", "true");
        e.put("JLOGIN_JBANG_CACHE", System.getenv().getOrDefault("JLOGIN_JBANG_CACHE",
                Path.of(System.getProperty("user.home"), ".cache/jlogin/jbang-0.132.1").toString()));
        e.putAll(env);
        return builder;
    }

    private static boolean onPath(String tool) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private static void delete(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
