package dev.jlogin.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A keyring tool that is not installed is named, with the package that has it. */
class HelperCommandTest {
    @Test
    void aMissingSecretToolNamesItsPackage(@TempDir Path dir) {
        String absent = dir.resolve("secret-tool").toString();

        assertThatThrownBy(() -> HelperCommand.run(List.of(absent, "lookup", "application", "jlogin"), new byte[0],
                Duration.ofSeconds(5)))
                .isInstanceOf(KeyringUnavailableException.class)
                .hasMessage(absent + " is not installed (on Debian and Ubuntu it is in the package libsecret-tools)");
    }
}
