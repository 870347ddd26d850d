package dev.jlogin.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The macOS Keychain through the {@code security} tool. The secret is written through
 * {@code security -i}, which reads its command from stdin, so it never appears in the process
 * list; it is base64-encoded, so no quoting of JSON is needed.
 */
public final class KeychainBackend implements SecretBackend {
    /** {@code security}'s exit code for "the specified item could not be found". */
    private static final int NOT_FOUND = 44;

    private final String service;
    private final Duration timeout;

    public KeychainBackend(String store, Duration timeout) {
        this.service = "jlogin:" + store;
        this.timeout = timeout;
    }

    @Override
    public String describe() {
        return "macOS Keychain";
    }

    @Override
    public Optional<String> read(String profile) throws IOException {
        HelperCommand.Result result = HelperCommand.run(
                List.of("security", "find-generic-password", "-s", service, "-a", profile, "-w"), new byte[0], timeout);
        if (result.exit() == NOT_FOUND) {
            return Optional.empty();
        }
        check(result);
        try {
            return Optional.of(new String(Base64.getDecoder().decode(result.out().strip()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException("the Keychain item is not one jlogin wrote");
        }
    }

    @Override
    public void write(String profile, byte[] content) throws IOException {
        String command = "add-generic-password -U -s " + service + " -a " + profile + " -w "
                + Base64.getEncoder().encodeToString(content) + "\n";
        check(HelperCommand.run(List.of("security", "-i"), command.getBytes(StandardCharsets.UTF_8), timeout));
    }


    private static void check(HelperCommand.Result result) throws KeyringUnavailableException {
        if (result.exit() != 0) {
            throw new KeyringUnavailableException("security failed: " + result.err().strip());
        }
    }
}
