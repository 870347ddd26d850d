package dev.jlogin.store;

import dev.jlogin.Host;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** Asks the platform's keyring tool a harmless question, to tell whether a keyring is usable here. */
public final class KeyringProbe {
    private KeyringProbe() {
    }

    /** "answers", or why not. */
    public static String probe(Duration timeout) {
        if (Host.isMac()) {
            return KeychainBackend.probe(timeout);
        }
        if (Host.isWindows()) {
            return "fails: " + Backends.WINDOWS_HAS_NO_KEYRING;
        }
        List<String> question = List.of("secret-tool", "lookup", "application", "jlogin", "probe", "doctor");
        try {
            HelperCommand.Result result = HelperCommand.run(question, new byte[0], timeout);
            // a lookup that finds nothing exits 1 quietly; anything on stderr is a real failure
            return result.err().isBlank() ? "answers" : "fails: " + result.err().strip().lines().reduce((a, b) -> b).orElse("");
        } catch (IOException e) {
            return "fails: " + e.getMessage();
        }
    }
}
