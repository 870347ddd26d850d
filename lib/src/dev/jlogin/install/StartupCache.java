package dev.jlogin.install;

import java.nio.file.Path;
import java.util.List;

/**
 * The JVM's start-up caches. Either is built by one training run that exercises the commands
 * scripts call most, and is tied to the exact class path and JDK build (a mismatch makes the JVM
 * ignore it, with a warning on stderr).
 */
public enum StartupCache {
    /** JDK 25+: classes loaded and linked, lambdas resolved, profiles kept (JEP 483, one step by JEP 514). */
    AOT("jlogin.aot"),
    /** JDK 13–24: an AppCDS archive of the loaded classes on top of the JDK's own. */
    CDS("jlogin.jsa");

    private final String fileName;

    StartupCache(String fileName) {
        this.fileName = fileName;
    }

    public Path file(Path app) {
        return app.resolve(fileName);
    }

    /** The options of the training run that writes the cache. */
    List<String> create(Path app) {
        return this == AOT ? List.of("-XX:AOTCacheOutput=" + file(app)) : List.of("-XX:ArchiveClassesAtExit=" + file(app));
    }

    /** The options of every later run that uses it. */
    public List<String> use(Path app) {
        return this == AOT ? List.of("-XX:AOTCache=" + file(app)) : List.of("-XX:SharedArchiveFile=" + file(app));
    }
}
