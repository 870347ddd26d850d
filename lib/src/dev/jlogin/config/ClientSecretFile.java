package dev.jlogin.config;

import dev.jlogin.JLoginException;
import dev.jlogin.Secret;
import dev.jlogin.store.SecureFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A client secret kept in a file ({@code JLOGIN_CLIENT_SECRET_FILE}, {@code jlogin.client-secret-file}),
 * never on a command line where every process could read it. The file must belong to this user
 * and be closed to others, as an SSH key must.
 */
final class ClientSecretFile {
    private static final int MAX_BYTES = 4096;

    private ClientSecretFile() {
    }

    static Secret read(String name) {
        Path file;
        try {
            file = Path.of(name);
        } catch (InvalidPathException e) {
            throw refused("not a file name: " + name);
        }
        try {
            if (!Files.isRegularFile(file)) {
                throw refused(file + " is not a readable file");
            }
            Optional<String> problem = SecureFiles.problem(file, SecureFiles.Kind.FILE);
            if (problem.isPresent()) {
                throw refused(problem.get() + "; make it readable by you alone (chmod 600)");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw refused(file + " is larger than a client secret can be");
            }
            // Not readAllBytes: a link swapped in after the check above, or a file grown since, is refused.
            String secret = new String(SecureFiles.read(file, MAX_BYTES), StandardCharsets.UTF_8).strip();
            if (secret.isEmpty()) {
                throw refused(file + " is empty");
            }
            return Secret.of(secret);
        } catch (IOException e) {
            throw refused(file + " cannot be read");
        }
    }

    private static JLoginException refused(String why) {
        return new JLoginException(JLoginException.Kind.CONFIGURATION, "client secret file refused: " + why);
    }
}
