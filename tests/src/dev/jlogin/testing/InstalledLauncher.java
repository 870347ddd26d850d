package dev.jlogin.testing;

import java.nio.file.Path;
import java.util.Map;

/**
 * One launcher installed through the catalog for the whole test run, with no settings baked in
 * (each test brings its server through JLOGIN_* variables). It lives under target/, so nothing is
 * left elsewhere; installing takes seconds (a training run builds its start-up cache), so it is done once.
 */
public final class InstalledLauncher {
    private static final Path ROOT = JBang.REPO.resolve("target/test-launcher");
    private static Path launcher;

    private InstalledLauncher() {
    }

    public static synchronized Path path() {
        if (launcher == null) {
            JBang.Result install = new JBang(ROOT.resolve("home"), Map.of()).run("install@" + JBang.CATALOG, "--bin-dir",
                    ROOT.resolve("bin").toString());
            if (install.exit() != 0) {
                throw new AssertionError("install failed: " + install.err());
            }
            launcher = ROOT.resolve("bin/jlogin");
        }
        return launcher;
    }
}
