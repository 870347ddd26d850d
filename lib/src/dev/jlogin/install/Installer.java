package dev.jlogin.install;

import dev.jlogin.JLoginException;
import dev.jlogin.Subprocess;
import dev.jlogin.Version;
import dev.jlogin.store.FolderTrust;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * Writes (and removes) an installed launcher: the library's jars copied into a folder of its own
 * ({@code DATA/launchers/NAME/VERSION-…}, so clearing JBang's cache breaks nothing), a start-up
 * cache built there by a training run that needs no network, and one launcher file in the bin
 * directory that runs {@code java} directly. The launcher file is replaced by an atomic rename, so
 * a call running meanwhile sees the old launcher or the new one; older folders are removed after.
 */
public final class Installer {
    private static final long TRAINING_TIMEOUT_SECONDS = 180;
    /** The record of where a launcher went: {@code launchers/NAME.install}. */
    private static final String RECORD = ".install";

    /**
     * What to install: {@code jars} are the library and its dependencies (jars, or class folders to
     * pack); {@code variables} the environment, whose user folders a Windows launcher refers to.
     */
    public record Plan(String name, Path binDir, Path dataDir, JavaRuntime runtime, List<Path> jars,
                       Map<String, String> properties, String mainClass, Training training, String reinstall,
                       Map<String, String> variables) {
    }

    /**
     * The run that builds the start-up cache: {@code mainClass} with {@code env}, in a throw-away
     * JLOGIN_HOME that {@code prepareHome} fills first. Every class the run loads is loaded at every
     * later start, so it should run exactly the hot calls and nothing else.
     */
    public record Training(String mainClass, Map<String, String> env, Consumer<Path> prepareHome) {
    }

    /** What was installed; {@code cache} is empty with {@code cacheNote} saying why when none could be built. */
    public record Installed(Path launcher, Path app, JavaRuntime runtime, Optional<StartupCache> cache, String cacheNote) {
    }

    private Installer() {
    }

    public static Path launcherFile(Path binDir, String name) {
        return binDir.resolve(Platform.WINDOWS ? name + ".cmd" : name);
    }

    @SuppressWarnings("try") // the resource is the lock: held, not used
    public static Installed install(Plan plan) {
        Path launcher = launcherFile(plan.binDir(), plan.name());
        Path launchers = plan.dataDir().resolve("launchers");
        Path root = launchers.resolve(plan.name());
        refuseForeign(launcher, root);
        // whoever can change these folders can swap the launcher, its jars or its runtime, and run
        // code as this user at the next call
        refuseUntrusted(plan.binDir(), "choose another --bin-dir");
        refuseUntrusted(plan.dataDir(), "set XDG_DATA_HOME to a folder of your own");
        refuseUntrusted(plan.runtime().home(), "choose another runtime with --java-home");
        try (FileChannel held = lock(launchers, plan.name())) {
            FolderTrust.createPrivate(root);
            FolderTrust.createPrivate(plan.binDir());
            refuseUntrusted(root, "remove it and install again");
            Path app = Files.createTempDirectory(root, Version.VERSION + "-");
            try {
                Installed installed = build(plan, launcher, app);
                removeOthers(root, app);
                record(launchers, plan.name(), launcher);
                return installed;
            } catch (RuntimeException | IOException e) {
                deleteTree(app);
                throw e;
            }
        } catch (IOException e) {
            throw new JLoginException(JLoginException.Kind.CONFIGURATION, "cannot install into " + root + " and "
                    + plan.binDir() + ": " + e.getMessage(), e);
        }
    }

    /** Fills {@code app}, checks the launcher starts, then puts it in place. */
    private static Installed build(Plan plan, Path launcher, Path app) throws IOException {
        String id = randomId();
        List<Path> classPath = copyJars(plan.jars(), app.resolve("lib"));
        Optional<StartupCache> cache = Optional.of(plan.runtime().startupCache());
        String note = train(plan, app, classPath, cache.get());
        if (!note.isEmpty()) {
            cache = Optional.empty();
        }
        writeProperties(plan, app, cache, id);
        List<String> arguments = LauncherScript.javaArguments(plan.name(), launcher, app, classPath,
                cache.map(c -> c.use(app)).orElse(List.of()), plan.properties(), plan.mainClass());
        String smoke = run(plan.runtime(), arguments, List.of("--version"), app, Map.of());
        if (!smoke.isEmpty() && cache.isPresent()) {
            // the JVM refused the cache it just built (it says so on stderr): run without it
            note = "the JVM did not accept the start-up cache: " + firstLine(smoke);
            cache = Optional.empty();
            arguments = LauncherScript.javaArguments(plan.name(), launcher, app, classPath, List.of(), plan.properties(),
                    plan.mainClass());
            writeProperties(plan, app, cache, id);
            smoke = run(plan.runtime(), arguments, List.of("--version"), app, Map.of());
        }
        if (!smoke.isEmpty()) {
            throw new JLoginException(JLoginException.Kind.CONFIGURATION, "the installed launcher does not start: "
                    + firstLine(smoke));
        }
        writeAtomically(launcher, Platform.WINDOWS
                ? LauncherScript.windows(plan.name(), id, plan.runtime(), app, arguments, plan.reinstall(), plan.variables())
                : LauncherScript.posix(plan.name(), id, plan.runtime(), app, arguments, plan.reinstall()));
        return new Installed(launcher, app, plan.runtime(), cache, note);
    }

    /**
     * Notes where the launcher of {@code name} went, beside its folder (not in it: a launcher whose
     * files are gone must still be found), so that --uninstall finds it without --bin-dir.
     */
    private static void record(Path launchers, String name, Path launcher) throws IOException {
        Properties p = new Properties();
        p.setProperty("launcher", launcher.toAbsolutePath().toString());
        try (OutputStream out = Files.newOutputStream(launchers.resolve(name + RECORD), StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            p.store(out, "where jlogin's install wrote the launcher " + name);
        }
    }

    /** Where install last wrote the launcher of {@code name}, if it noted it. */
    public static Optional<Path> recordedLauncher(Path dataDir, String name) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dataDir.resolve("launchers").resolve(name + RECORD), LinkOption.NOFOLLOW_LINKS)) {
            p.load(in);
            return Optional.ofNullable(p.getProperty("launcher")).map(Path::of);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Removes the launcher (only if we wrote it), its folder and its record; returns what was removed. */
    @SuppressWarnings("try") // the resource is the lock: held, not used
    public static List<Path> uninstall(String name, Path launcher, Path dataDir) {
        Path launchers = dataDir.resolve("launchers");
        Path root = launchers.resolve(name);
        refuseForeign(launcher, root);
        List<Path> removed = new ArrayList<>();
        try (FileChannel held = lock(launchers, name)) {
            if (Files.deleteIfExists(launcher)) {
                removed.add(launcher);
            }
            Files.deleteIfExists(launchers.resolve(name + RECORD));
            if (Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(root);
                removed.add(root);
            }
        } catch (IOException e) {
            throw new JLoginException(JLoginException.Kind.CONFIGURATION, "cannot remove " + launcher + ": " + e.getMessage(), e);
        }
        return removed;
    }

    /**
     * One install or uninstall of a name at a time: two at once would each remove the other's
     * folder ("older" ones) and leave a launcher that points at nothing. Closing the channel
     * releases the lock.
     */
    private static FileChannel lock(Path launchers, String name) throws IOException {
        FolderTrust.createPrivate(launchers);
        refuseUntrusted(launchers, "remove it and install again");
        // a link planted in its place would have us create a file where it points
        FileChannel channel = FileChannel.open(launchers.resolve("." + name + ".lock"), Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
        try {
            channel.lock();
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static void refuseUntrusted(Path folder, String fix) {
        Optional<String> problem;
        try {
            problem = FolderTrust.problem(folder);
        } catch (IOException e) {
            problem = Optional.of("cannot inspect " + folder + ": " + e.getMessage());
        }
        problem.ifPresent(p -> {
            throw new JLoginException(JLoginException.Kind.CONFIGURATION, p + ", so another user could swap what runs"
                    + " as you: " + fix);
        });
    }

    /**
     * A file of that name that we did not write is someone else's program: never replace or delete
     * it. Ours holds the id line, with the id of one of the installs under {@code root} (any such id
     * when their files are gone, as a reinstall must mend that).
     */
    private static void refuseForeign(Path launcher, Path root) {
        if (!Files.exists(launcher, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        String head = "";
        if (Files.isRegularFile(launcher, LinkOption.NOFOLLOW_LINKS)) {
            try (InputStream in = Files.newInputStream(launcher, LinkOption.NOFOLLOW_LINKS)) {
                head = new String(in.readNBytes(4096), StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                // unreadable: not known to be ours
            }
        }
        Matcher line = LauncherScript.ID_LINE.matcher(head);
        Optional<String> id = line.find() ? Optional.of(line.group(1)) : Optional.empty();
        List<String> installed = installedIds(root);
        boolean ours = id.map(i -> installed.isEmpty() || installed.contains(i))
                // an earlier version's launcher has no id: its exact marker line, and an install of it here
                .orElse(head.contains(LauncherScript.legacyMarkerLine(launcherName(launcher))) && installs(root));
        if (!ours) {
            throw new JLoginException(JLoginException.Kind.CONFIGURATION, launcher
                    + " exists and was not written by jlogin's install; remove it, or choose another --name");
        }
    }

    private static String launcherName(Path launcher) {
        return launcher.getFileName().toString().replaceFirst("\\.cmd$", "");
    }

    /** Whether {@code root} holds an install: a folder with an install.properties. */
    private static boolean installs(Path root) {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> apps = Files.list(root)) {
            return apps.anyMatch(app -> Files.isRegularFile(app.resolve("install.properties"), LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return false;
        }
    }

    /** The ids in install.properties of the installs under {@code root}. */
    private static List<String> installedIds(Path root) {
        List<String> ids = new ArrayList<>();
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return ids;
        }
        try (DirectoryStream<Path> apps = Files.newDirectoryStream(root)) {
            for (Path app : apps) {
                Properties p = new Properties();
                try (InputStream in = Files.newInputStream(app.resolve("install.properties"), LinkOption.NOFOLLOW_LINKS)) {
                    p.load(in);
                    Optional.ofNullable(p.getProperty("id")).ifPresent(ids::add);
                } catch (IOException e) {
                    // a folder left half-written: not an install
                }
            }
        } catch (IOException e) {
            // no installs to compare with
        }
        return ids;
    }

    private static List<Path> copyJars(List<Path> jars, Path lib) throws IOException {
        Files.createDirectories(lib);
        List<Path> copied = new ArrayList<>();
        for (Path jar : jars) {
            Path target;
            if (Files.isDirectory(jar)) {
                // a class folder (a build's output): the JVM's start-up caches accept only jars
                target = lib.resolve("classes-" + copied.size() + ".jar");
                pack(jar, target);
            } else {
                target = lib.resolve(jar.getFileName());
                Files.copy(jar, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
            copied.add(target);
        }
        return copied;
    }

    private static void pack(Path folder, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(new JarEntry(folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
    }

    /**
     * Runs the training class with the cache-writing options; returns "" when the cache was
     * written, else why not (the launcher then runs without one).
     */
    private static String train(Plan plan, Path app, List<Path> classPath, StartupCache cache) {
        Path home = app.resolve("training");
        try {
            plan.training().prepareHome().accept(home);
            Map<String, String> env = new HashMap<>(plan.training().env());
            env.put("JLOGIN_HOME", home.toString());
            List<String> arguments = new ArrayList<>(LauncherScript.JVM_OPTIONS);
            arguments.addAll(cache.create(app));
            arguments.add("-cp");
            arguments.add(Platform.classPath(classPath));
            arguments.add(plan.training().mainClass());
            String output = run(plan.runtime(), arguments, List.of(), app, env);
            if (!Files.isRegularFile(cache.file(app))) {
                return "the training run wrote no start-up cache" + (output.isEmpty() ? "" : ": " + firstLine(output));
            }
            return "";
        } catch (JLoginException e) {
            return e.getMessage();
        } finally {
            deleteTree(home);
        }
    }

    /**
     * Runs java with a clean environment for jlogin (no JLOGIN_* or JVM option variables of the
     * user's, which could pick another store or add options) and returns its stderr; a non-zero
     * exit is an error. Stdout is discarded: the training run's token is a dummy, but it is a token.
     */
    private static String run(JavaRuntime runtime, List<String> arguments, List<String> extra, Path dir,
                              Map<String, String> env) {
        List<String> command = new ArrayList<>();
        command.add(runtime.java().toString());
        command.addAll(arguments);
        command.addAll(extra);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().keySet().removeIf(k -> k.startsWith("JLOGIN_") || k.equals("JAVA_TOOL_OPTIONS")
                || k.equals("JDK_JAVA_OPTIONS") || k.equals("_JAVA_OPTIONS"));
        builder.environment().putAll(env);
        Subprocess.Outcome outcome = Subprocess.run(builder, new byte[0], Duration.ofSeconds(TRAINING_TIMEOUT_SECONDS), true);
        if (outcome instanceof Subprocess.Ended ended) {
            String stderr = ended.err().strip();
            if (ended.exit() != 0) {
                throw new JLoginException(JLoginException.Kind.CONFIGURATION, runtime.java() + " failed (exit "
                        + ended.exit() + ")" + (stderr.isEmpty() ? "" : ": " + firstLine(stderr)));
            }
            return stderr;
        }
        throw new JLoginException(JLoginException.Kind.CONFIGURATION, outcome instanceof Subprocess.NotStarted notStarted
                ? "cannot run " + runtime.java() + ": " + notStarted.reason()
                : outcome instanceof Subprocess.Late ? runtime.java() + " did not finish in " + TRAINING_TIMEOUT_SECONDS + " s"
                : "interrupted while running " + runtime.java());
    }

    /** 128 random bits, as the launcher's id line and install.properties name an install. */
    private static String randomId() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }

    private static void writeProperties(Plan plan, Path app, Optional<StartupCache> cache, String id) throws IOException {
        Properties p = new Properties();
        p.setProperty("id", id);
        p.setProperty("name", plan.name());
        p.setProperty("version", Version.VERSION);
        p.setProperty("from", plan.reinstall());
        p.setProperty("installed_at", Instant.now().toString());
        p.setProperty("java_home", plan.runtime().home().toString());
        p.setProperty("java_version", plan.runtime().version());
        p.setProperty("startup_cache", cache.map(c -> c.name() + " (" + c.file(app).getFileName() + ")").orElse("none"));
        try (OutputStream out = Files.newOutputStream(app.resolve("install.properties"))) {
            p.store(out, "written by jlogin's install");
        }
    }

    private static void writeAtomically(Path target, String content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            if (!Platform.WINDOWS) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void removeOthers(Path root, Path keep) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                if (!entry.equals(keep)) {
                    deleteTree(entry);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root, e);
        }
    }
}
