package dev.jlogin.store;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The freedesktop Secret Service (GNOME Keyring, KWallet) through {@code secret-tool} from
 * libsecret: no native code to load, and the tool's own timeout-free behaviour is bounded by
 * {@link HelperCommand}. Items are told apart by attributes: application, store and profile.
 */
public final class SecretServiceBackend implements SecretBackend {
    private final String store;
    private final Duration timeout;

    /** {@code store} distinguishes separate jlogin homes that share one keyring. */
    public SecretServiceBackend(String store, Duration timeout) {
        this.store = store;
        this.timeout = timeout;
    }

    @Override
    public String describe() {
        return "Secret Service keyring";
    }

    @Override
    public String protection() {
        return "the user's keyring collection, unlocked with their session";
    }

    private List<String> command(String verb, String profile) {
        List<String> command = new ArrayList<>(List.of("secret-tool", verb));
        if (verb.equals("store")) {
            command.add("--label=jlogin " + profile);
        }
        command.addAll(List.of("application", "jlogin", "store", store, "profile", profile));
        return command;
    }

    @Override
    public Optional<String> read(String profile) throws IOException {
        HelperCommand.Result result = HelperCommand.run(command("lookup", profile), new byte[0], timeout);
        if (result.exit() == 0) {
            return Optional.of(result.out());
        }
        if (result.err().isBlank()) {
            return Optional.empty(); // secret-tool says "not found" with exit 1 and nothing else
        }
        throw unavailable(result);
    }

    @Override
    public void write(String profile, byte[] content) throws IOException {
        HelperCommand.Result result = HelperCommand.run(command("store", profile), content, timeout);
        if (result.exit() != 0) {
            throw unavailable(result);
        }
    }


    private static KeyringUnavailableException unavailable(HelperCommand.Result result) {
        String reason = result.err().strip().lines().reduce((a, b) -> b).orElse("exit " + result.exit());
        return new KeyringUnavailableException("secret-tool failed: " + reason);
    }
}
