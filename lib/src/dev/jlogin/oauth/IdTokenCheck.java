package dev.jlogin.oauth;

import dev.jlogin.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * What verifying an ID token found (OIDC Core §3.1.3.7). Only {@link Verified} claims are the
 * issuer's word; the others still carry whatever claims could be read, for display with their label.
 */
public sealed interface IdTokenCheck {
    /** The claims, when the token could be decoded at all. */
    Optional<JsonObject> readableClaims();

    /** The label {@code whoami} shows: verified, expired, unchecked or rejected. */
    String status();

    /** Why the claims are not verified (empty for {@link Verified}); one line without any token. */
    Optional<String> problem();

    /** Signature, issuer, audience and times all hold. */
    record Verified(JsonObject claims, String algorithm) implements IdTokenCheck {
        @Override
        public Optional<JsonObject> readableClaims() {
            return Optional.of(claims);
        }

        @Override
        public String status() {
            return "verified";
        }

        @Override
        public Optional<String> problem() {
            return Optional.empty();
        }
    }

    /**
     * Signature, issuer and audience hold, but the token's lifetime is over: usual for a login kept
     * for hours, since ID tokens live minutes; the claims say who logged in, as of then.
     */
    record Expired(JsonObject claims, Instant expiredAt) implements IdTokenCheck {
        @Override
        public Optional<JsonObject> readableClaims() {
            return Optional.of(claims);
        }

        @Override
        public String status() {
            return "expired";
        }

        @Override
        public Optional<String> problem() {
            return Optional.of("signed by the issuer, but expired at " + expiredAt);
        }
    }

    /** It could not be checked (no key set published, or it could not be fetched): nothing is known either way. */
    record Unchecked(Optional<JsonObject> readableClaims, String reason) implements IdTokenCheck {
        @Override
        public String status() {
            return "unchecked";
        }

        @Override
        public Optional<String> problem() {
            return Optional.of(reason);
        }
    }

    /** It was checked and failed: a bad signature, a refused algorithm, another issuer or audience, malformed. */
    record Rejected(Optional<JsonObject> readableClaims, String reason) implements IdTokenCheck {
        @Override
        public String status() {
            return "rejected";
        }

        @Override
        public Optional<String> problem() {
            return Optional.of(reason);
        }
    }
}
