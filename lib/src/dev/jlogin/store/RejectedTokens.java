package dev.jlogin.store;

import dev.jlogin.JLoginException;
import dev.jlogin.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The access token a resource server last refused (git's {@code erase} after a 401), so that the
 * next request refreshes even though the token has not expired yet: one revoked or cut short at
 * the server would otherwise be handed out until its expiry. Only the token's SHA-256 digest is
 * kept, in {@code profiles/NAME.rejected}; a token refreshed since then no longer matches it, so
 * many waiting processes still make one refresh.
 */
public final class RejectedTokens {
    private final Path profiles;

    public RejectedTokens(Path home) {
        this.profiles = home.resolve("profiles");
    }

    public void mark(String profile, Secret accessToken) {
        try {
            SecureFiles.createOwnDirectories(profiles.getParent(), profiles);
            SecureFiles.writeAtomically(file(profile), digest(accessToken).getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new JLoginException(JLoginException.Kind.STORE, "cannot mark the token of profile '" + profile
                    + "' as rejected: " + e.getMessage(), e);
        }
    }

    public boolean isRejected(String profile, Secret accessToken) {
        Path file = file(profile);
        try {
            Optional<SecureFiles.Status> status = SecureFiles.status(file);
            if (status.isEmpty()) {
                return false;
            }
            Optional<String> foreign = SecureFiles.foreign(file, status.get(), SecureFiles.Kind.FILE);
            if (foreign.isPresent()) {
                throw new IOException(foreign.get());
            }
            String digest = digest(accessToken);
            return new String(SecureFiles.read(file, 1024), StandardCharsets.US_ASCII).equals(digest);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new JLoginException(JLoginException.Kind.STORE, "cannot read " + file(profile) + ": " + e.getMessage(), e);
        }
    }

    private Path file(String profile) {
        return profiles.resolve(TokenStore.checkProfileName(profile) + ".rejected");
    }

    private static String digest(Secret token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.reveal().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
