package dev.jlogin.scripts;

import dev.jlogin.testing.FakeAuthorizationServer;
import dev.jlogin.testing.JBang;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The real scripts as subprocesses, configured for an in-process fake server, in an isolated home. */
abstract class FakeServerScripts {
    @TempDir
    Path home;
    final FakeAuthorizationServer server = new FakeAuthorizationServer();
    /** The scripts' environment; tests may change it between runs. */
    final Map<String, String> env = new HashMap<>();
    JBang jbang;

    @BeforeEach
    void configureScripts() {
        env.put("JLOGIN_ISSUER", server.issuer());
        env.put("JLOGIN_CLIENT_ID", "cli");
        jbang = new JBang(home, env);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** Sends signal {@code name} to process {@code pid}, as a terminal's Ctrl-C (INT) does. */
    static void signal(String name, long pid) {
        try {
            new ProcessBuilder("kill", "-s", name, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String alias(String name) {
        return name + "@" + JBang.CATALOG;
    }
}
