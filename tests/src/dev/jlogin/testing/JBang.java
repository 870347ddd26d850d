package dev.jlogin.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real scripts as subprocesses through the repo's JBang launcher, isolated from the
 * user's own JBang, HOME and logins. The JBang cache lives under target/ so compiled scripts are
 * reused across tests; jars come from the invoking user's Maven repository.
 */
public final class JBang {
    public static final Path REPO = Path.of("").toAbsolutePath();
    public static final Path CATALOG = REPO.resolve("jbang-catalog.json");
    private static final Path REAL_HOME = Path.of(System.getProperty("user.home"));
    /** One thread per stream: the common pool may have a single thread on a small machine. */
    private static final ExecutorService DRAINERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "script-output");
        t.setDaemon(true);
        return t;
    });

    public record Result(int exit, String out, String err) {
        public String both() {
            return out + "\n" + err;
        }
    }

    /** A started script; {@link #await()} waits for it to end, {@link #nextLine()} reads stdout as it comes. */
    public record Running(Process process, BlockingQueue<String> lines, CompletableFuture<String> out, CompletableFuture<String> err) {
        public Result await() {
            try {
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new AssertionError("script did not finish in 5 minutes");
                }
                return new Result(process.exitValue(), out.join(), err.join());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        /** The next line of stdout; fails if none comes within three minutes (a first run compiles). */
        public String nextLine() {
            try {
                String line = lines.poll(3, TimeUnit.MINUTES);
                if (line == null) {
                    process.destroyForcibly();
                    throw new AssertionError("no output from the script; stderr: " + err.getNow("(still running)"));
                }
                return line;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private final Path home;
    private final Map<String, String> env;

    /** {@code home} becomes HOME; {@code env} adds to (and may override) the isolated environment. */
    public JBang(Path home, Map<String, String> env) {
        this.home = home;
        this.env = env;
    }

    /**
     * A command as jlogin names it when run through this repository's launcher and catalog: by
     * their absolute paths, as the scripts here run from a home outside the repository.
     */
    public static String fromThisClone(String command) {
        return REPO.resolve("jbang") + " " + command + "@" + CATALOG;
    }

    public Result run(String... args) {
        return start(args).await();
    }

    /**
     * Builds each script once, by running its --help, before tests start several at a time: JBang
     * fails ("Error creating/updating jar") when two processes build one script cold at once.
     */
    public void buildFirst(String... aliasRefs) {
        for (String ref : aliasRefs) {
            Result help = run(ref, "--help");
            if (help.exit() != 0) {
                throw new AssertionError(ref + " --help exited " + help.exit() + ": " + help.err());
            }
        }
    }

    public Running start(String... args) {
        List<String> command = new ArrayList<>();
        command.add(REPO.resolve("jbang").toString());
        command.addAll(List.of(args));
        return launch(command);
    }

    /** Runs a shell command line (for pipes and pseudo-terminals), with {@code $JBANG} set to the launcher. */
    public Result shell(String commandLine) {
        return startShell(commandLine).await();
    }

    /** Starts a shell command line, as {@link #shell} runs it. */
    public Running startShell(String commandLine) {
        return launch(List.of("bash", "-c", commandLine));
    }

    private Running launch(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> e = builder.environment();
        e.keySet().removeIf(k -> k.startsWith("JLOGIN_") || k.startsWith("JBANG_"));
        e.put("HOME", home.toString());
        e.put("JBANG_DIR", REPO.resolve("target/jbang-cache").toString());
        e.put("JBANG_REPO", REAL_HOME.resolve(".m2/repository").toString());
        e.put("JBANG_NO_VERSION_CHECK", "true");
        e.put("NO_COLOR", "1");
        e.put("JLOGIN_JBANG_CACHE", System.getenv().getOrDefault("JLOGIN_JBANG_CACHE",
                REAL_HOME.resolve(".cache/jlogin/jbang-0.132.1").toString()));
        e.put("JLOGIN_HOME", home.resolve("jlogin").toString());
        e.put("JBANG", REPO.resolve("jbang").toString());
        // JBang's own temporary files (the jshell alias leaves an argument file behind) go into the
        // home, which the test removes; the C1-only default of ./jbang is kept
        Path tmp = home.resolve("jbang-tmp");
        e.put("JBANG_JAVA_OPTIONS", "-XX:TieredStopAtLevel=1 -Djava.io.tmpdir=" + tmp);
        e.putAll(env);
        try {
            Files.createDirectories(tmp);
            Process process = builder.start();
            process.getOutputStream().close();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            return new Running(process, lines, drain(process.getInputStream(), lines), drain(process.getErrorStream(), null));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Reads a stream to its end; each line also goes to {@code lines} when given. */
    private static CompletableFuture<String> drain(InputStream stream, BlockingQueue<String> lines) {
        return CompletableFuture.supplyAsync(() -> {
            StringBuilder all = new StringBuilder();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    all.append(line).append('\n');
                    if (lines != null) {
                        lines.add(line);
                    }
                }
                return all.toString();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }, DRAINERS);
    }
}
