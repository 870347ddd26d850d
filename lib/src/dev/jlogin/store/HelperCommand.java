package dev.jlogin.store;

import dev.jlogin.Subprocess;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Runs a keyring helper tool ({@code secret-tool}, {@code security}). Secrets travel on its
 * stdin, never on its command line (which every user can read in the process list), and every
 * call has a timeout: a keyring that wants to show an unlock prompt must not hang a script.
 */
final class HelperCommand {
    record Result(int exit, String out, String err) {
    }

    private HelperCommand() {
    }

    static Result run(List<String> command, byte[] stdin, Duration timeout) throws IOException {
        Subprocess.Outcome outcome = Subprocess.run(new ProcessBuilder(command), stdin, timeout, true);
        if (outcome instanceof Subprocess.Ended ended) {
            return new Result(ended.exit(), ended.out(), ended.err());
        }
        if (outcome instanceof Subprocess.NotStarted) {
            String tool = java.nio.file.Path.of(command.get(0)).getFileName().toString();
            throw new KeyringUnavailableException(command.get(0) + " is not installed"
                    + (tool.equals("secret-tool") ? " (on Debian and Ubuntu it is in the package libsecret-tools)" : ""));
        }
        if (outcome instanceof Subprocess.Late) {
            throw new KeyringUnavailableException(command.get(0) + " did not answer within " + timeout.toSeconds()
                    + " s (a locked keyring waiting for an unlock prompt?)");
        }
        throw new IOException("interrupted while waiting for " + command.get(0));
    }
}
