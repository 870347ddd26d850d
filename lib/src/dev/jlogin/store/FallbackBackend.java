package dev.jlogin.store;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A keyring with a configured way out: when the keyring is unavailable (not merely empty), the
 * fallback is used and that is said on stderr, every time. Never chosen silently: only when the
 * user asked for a fallback.
 */
public final class FallbackBackend implements SecretBackend {
    private final SecretBackend primary;
    private final SecretBackend fallback;
    private final Consumer<String> warnings;
    private SecretBackend current;

    public FallbackBackend(SecretBackend primary, SecretBackend fallback, Consumer<String> warnings) {
        this.primary = primary;
        this.fallback = fallback;
        this.warnings = warnings;
        this.current = primary;
    }

    @Override
    public String protection() {
        return current.protection();
    }

    @Override
    public String describe() {
        return current.describe() + (current == fallback ? " (fallback: " + primary.describe() + " unavailable)" : "");
    }

    @FunctionalInterface
    private interface Call<T> {
        T on(SecretBackend backend) throws IOException;
    }

    private synchronized <T> T call(Call<T> call) throws IOException {
        if (current == primary) {
            try {
                return call.on(primary);
            } catch (KeyringUnavailableException e) {
                warnings.accept("warning: " + primary.describe() + " unavailable (" + e.getMessage() + "); using "
                        + fallback.describe() + " as JLOGIN_STORE_FALLBACK asks");
                current = fallback;
            }
        }
        return call.on(fallback);
    }

    @Override
    public Optional<String> read(String profile) throws IOException {
        return call(b -> b.read(profile));
    }

    @Override
    public void write(String profile, byte[] content) throws IOException {
        call(b -> {
            b.write(profile, content);
            return null;
        });
    }

    @Override
    public void checkWritable(String profile) throws IOException {
        call(b -> {
            b.checkWritable(profile);
            return null;
        });
    }
}
