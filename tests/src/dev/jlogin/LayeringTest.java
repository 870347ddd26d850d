package dev.jlogin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.testing.JBang;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library's packages depend one way only, as README's "Layout" states:
 * (root) → http, json → oauth → device, browser, store, integration → config → session, install → cli → sandbox,
 * and inside cli, its rooms: cli.terminal (what reaches a terminal) → cli (the command framework) →
 * cli.commands → cli.launcher (the installed launcher, which runs every command).
 * A package may use its own classes and those of lower layers, never a class of its own layer's
 * other packages or of a layer above (by import, static import or qualified name).
 */
class LayeringTest {
    private static final Path SOURCES = JBang.REPO.resolve("lib/src/dev/jlogin");
    private static final Map<String, Integer> LAYER = Map.ofEntries(
            Map.entry("", 0),
            Map.entry("http", 1), Map.entry("json", 1),
            Map.entry("oauth", 2),
            Map.entry("device", 3), Map.entry("browser", 3), Map.entry("store", 3), Map.entry("integration", 3),
            Map.entry("config", 4),
            Map.entry("session", 5), Map.entry("install", 5),
            Map.entry("cli.terminal", 6), Map.entry("cli", 7), Map.entry("cli.commands", 8), Map.entry("cli.launcher", 9),
            Map.entry("sandbox", 10));
    /** A use of a library class: dev.jlogin.Type or dev.jlogin.package.Type (the package may be cli.room). */
    private static final Pattern USE = Pattern.compile("\\bdev\\.jlogin\\.(?:([a-z]+(?:\\.[a-z]+)*)\\.)?[A-Z]");

    @Test
    void everyPackageHasALayer() throws IOException {
        assertThat(packages()).allSatisfy(name -> assertThat(LAYER).containsKey(name));
    }

    /** The library's packages below the root, as dotted names relative to dev.jlogin. */
    private static List<String> packages() throws IOException {
        try (Stream<Path> folders = Files.walk(SOURCES)) {
            return folders.filter(Files::isDirectory).filter(f -> !f.equals(SOURCES)).map(LayeringTest::nameOf).toList();
        }
    }

    private static String nameOf(Path folder) {
        return SOURCES.relativize(folder).toString().replace(folder.getFileSystem().getSeparator(), ".");
    }

    @Test
    void noPackageUsesOneAboveOrBesideIt() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                String from = packageOf(file);
                Matcher use = USE.matcher(read(file));
                while (use.find()) {
                    String to = use.group(1) == null ? "" : use.group(1);
                    if (!to.equals(from) && LAYER.getOrDefault(to, 99) >= LAYER.get(from)) {
                        violations.add(SOURCES.relativize(file) + " uses " + use.group() + "…");
                    }
                }
            });
        }
        assertThat(violations).isEmpty();
    }

    /** Each package says in its package-info what lives there and what it may use: the same rule as this test's. */
    @Test
    void everyPackageInfoStatesWhatItMayUse() throws IOException {
        List<Path> folders = new ArrayList<>(List.of(SOURCES, JBang.REPO.resolve("sandbox/src/dev/jlogin/sandbox")));
        packages().forEach(name -> folders.add(SOURCES.resolve(name.replace(".", "/"))));
        for (Path folder : folders) {
            String name = folder.equals(SOURCES) ? "" : folder.startsWith(SOURCES) ? nameOf(folder) : folder.getFileName().toString();
            Path info = folder.resolve("package-info.java");
            assertThat(info).as(name + ": package-info.java").isRegularFile();
            List<String> lower = LAYER.entrySet().stream().filter(e -> e.getValue() < LAYER.get(name))
                    .sorted(Map.Entry.comparingByValue()).map(e -> e.getKey().isEmpty() ? "the root package" : e.getKey()).toList();
            Matcher stated = Pattern.compile("May use: (.+)\\.$", Pattern.MULTILINE).matcher(read(info));
            assertThat(stated.find()).as(name + ": a 'May use:' line").isTrue();
            List<String> listed = lower.isEmpty() ? List.of() : List.of(stated.group(1).split(", "));
            assertThat(listed).as(name).containsExactlyInAnyOrderElementsOf(lower);
        }
    }

    /** The test itself must be able to fail: an upward use is found. */
    @Test
    void anUpwardUseIsFound() {
        Matcher use = USE.matcher("import dev.jlogin.session.JLogin;");
        assertThat(use.find()).isTrue();
        assertThat(LAYER.get(use.group(1))).isGreaterThan(LAYER.get("config"));
        Matcher room = USE.matcher("import dev.jlogin.cli.commands.TokenCommand;");
        assertThat(room.find()).isTrue();
        assertThat(LAYER.get(room.group(1))).isGreaterThan(LAYER.get("cli"));
    }

    private static String packageOf(Path file) {
        return file.getParent().equals(SOURCES) ? "" : nameOf(file.getParent());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
