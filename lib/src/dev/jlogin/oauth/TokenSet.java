package dev.jlogin.oauth;

import dev.jlogin.Secret;
import dev.jlogin.http.HttpLog;
import dev.jlogin.json.JsonObject;
import dev.jlogin.json.MalformedJsonException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tokens from a token response (RFC 6749 §5.1) with {@code expires_in} turned into an absolute
 * time, so a stored set can be judged later. Secrets stay {@link Secret}s, so this record's
 * {@code toString} is safe. {@code account} is who the response itself says the user is, for a
 * server that says so there (see {@link Dialect#userObject()}); empty otherwise.
 */
public record TokenSet(Secret accessToken, String tokenType, Optional<Secret> refreshToken, Optional<Secret> idToken,
                       Optional<Instant> expiresAt, Optional<String> scope, Map<String, String> account) {

    /** Longer access token lifetimes are taken as this: a token is checked again at least once a year. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(366);

    public TokenSet {
        account = Map.copyOf(account);
    }

    /** Tokens from a server that does not name the user in its token response. */
    public TokenSet(Secret accessToken, String tokenType, Optional<Secret> refreshToken, Optional<Secret> idToken,
                    Optional<Instant> expiresAt, Optional<String> scope) {
        this(accessToken, tokenType, refreshToken, idToken, expiresAt, scope, Map.of());
    }

    /** Parses a successful token response received at {@code clock.instant()}. */
    public static TokenSet fromResponse(JsonObject json, Clock clock) throws MalformedJsonException {
        return fromResponse(json, clock, HttpLog.NONE, Dialect.STANDARD);
    }

    /**
     * As {@link #fromResponse(JsonObject, Clock)} for a server speaking {@code dialect}, telling
     * {@code notes} about values it had to bound.
     */
    public static TokenSet fromResponse(JsonObject json, Clock clock, HttpLog notes, Dialect dialect)
            throws MalformedJsonException {
        Secret access = Secret.of(requireBearerToken(json.requireString("access_token")));
        String type = dialect.untypedBearer() && !json.has("token_type") ? "Bearer"
                : requireBearerType(json.requireString("token_type"));
        Optional<Instant> expiresAt = Optional.empty();
        if (json.has("expires_in")) {
            long seconds = json.integer("expires_in").getAsLong();
            if (seconds < 0) {
                throw new MalformedJsonException("'expires_in' must not be negative");
            }
            expiresAt = Optional.of(clock.instant().plusSeconds(Bounded.seconds("expires_in", seconds, 0,
                    MAX_LIFETIME.toSeconds(), notes)));
        } else if (dialect.expiryFromJwt()) {
            expiresAt = jwtExpiry(access, clock, notes);
        }
        return new TokenSet(access, type, json.string("refresh_token").map(Secret::ofNullable),
                json.string("id_token").map(Secret::ofNullable), expiresAt, json.string("scope"),
                dialect.userObject() ? account(json) : Map.of());
    }

    /** The {@code exp} of a JWT access token, bounded as {@code expires_in} is; empty for an opaque token. */
    private static Optional<Instant> jwtExpiry(Secret access, Clock clock, HttpLog notes) throws MalformedJsonException {
        Optional<JsonObject> claims = SignedJwt.unverifiedClaims(access);
        if (claims.isEmpty() || !claims.get().has("exp")) {
            return Optional.empty();
        }
        long seconds = claims.get().integer("exp").getAsLong() - clock.instant().getEpochSecond();
        return Optional.of(clock.instant().plusSeconds(Bounded.seconds("access token exp", seconds, 0,
                MAX_LIFETIME.toSeconds(), notes)));
    }

    /** WorkOS's {@code user} object and {@code organization_id}, as the standard claims whoami shows. */
    private static Map<String, String> account(JsonObject json) throws MalformedJsonException {
        Map<String, String> account = new LinkedHashMap<>();
        Optional<JsonObject> user = json.object("user");
        if (user.isPresent()) {
            user.get().string("id").ifPresent(v -> account.put("sub", v));
            user.get().string("email").ifPresent(v -> account.put("email", v));
            String name = (user.get().string("first_name").orElse("") + " " + user.get().string("last_name").orElse("")).strip();
            if (!name.isEmpty()) {
                account.put("name", name);
            }
        }
        json.string("organization_id").ifPresent(v -> account.put("organization_id", v));
        return account;
    }

    /**
     * The token goes into {@code Authorization: Bearer} lines (ours and {@code curl -H @-}'s), so it
     * must be an RFC 6750 §2.1 b64token: {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}.
     * Anything else (a CR or LF above all) could add header lines to a request. The error never
     * quotes the token.
     */
    public static String requireBearerToken(String token) throws MalformedJsonException {
        int end = token.length();
        while (end > 0 && token.charAt(end - 1) == '=') {
            end--;
        }
        boolean valid = end > 0;
        for (int i = 0; i < end && valid; i++) {
            char c = token.charAt(i);
            valid = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~+/".indexOf(c) >= 0;
        }
        if (!valid) {
            throw new MalformedJsonException("'access_token' has characters a bearer token cannot have (RFC 6750)");
        }
        return token;
    }

    /** RFC 6749 §5.1: case-insensitive. A DPoP or MAC token used as a bearer token would be refused anyway. */
    public static String requireBearerType(String type) throws MalformedJsonException {
        if (!type.equalsIgnoreCase("Bearer")) {
            throw new MalformedJsonException("'token_type' must be Bearer; jlogin cannot use other token types");
        }
        return type;
    }

    /** A scope string's scopes (RFC 6749 section 3.3: space-delimited). */
    public static List<String> scopes(String scope) {
        List<String> scopes = new ArrayList<>();
        for (String s : scope.split(" ")) {
            if (!s.isEmpty()) {
                scopes.add(s);
            }
        }
        return scopes;
    }

    /**
     * A refresh response may omit what did not change (RFC 6749 §6: the refresh token; §5.1:
     * the scope): keep the previous values rather than lose them.
     */
    public TokenSet inheritingFrom(TokenSet previous) {
        return new TokenSet(accessToken, tokenType, refreshToken.or(previous::refreshToken),
                idToken.or(previous::idToken), expiresAt, scope.or(previous::scope),
                account.isEmpty() ? previous.account : account);
    }

    /** True if the access token is still valid {@code margin} from now; unknown expiry counts as valid. */
    public boolean isValidFor(Duration margin, Instant now) {
        return expiresAt.map(at -> at.isAfter(now.plus(margin))).orElse(true);
    }
}
