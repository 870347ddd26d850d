package dev.jlogin.oauth;

import dev.jlogin.JLoginException;
import dev.jlogin.Secret;
import dev.jlogin.http.HttpResult;
import dev.jlogin.http.HttpSender;
import dev.jlogin.json.JsonObject;
import dev.jlogin.json.MalformedJsonException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * ID token validation as OIDC Core §3.1.3.7 asks of a client: a JWS (RFC 7515) signed with
 * RS256, PS256 or ES256 by a key from the issuer's {@code jwks_uri} (RFC 7517), then {@code iss},
 * {@code aud}/{@code azp}, {@code exp}, {@code iat} and {@code nbf} (RFC 7519 §4.1). Key sets are
 * kept for the life of this object; a key id not in the kept set fetches it once more, since
 * that is how a key rotation looks from here.
 */
public final class IdTokenVerifier {
    /** Clock difference tolerated between this machine and the issuer. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    /** What an Entra tenant id (the {@code tid} claim put into a templated issuer) may look like. */
    private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final HttpSender http;
    private final Clock clock;
    private final Map<URI, JsonWebKeySet> keySets = new ConcurrentHashMap<>();

    public IdTokenVerifier(HttpSender http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /**
     * Checks {@code idToken} as issued by {@code metadata}'s issuer to {@code clientId}; never throws
     * for a bad token. {@code issuers} are the forms of that issuer the provider writes into
     * {@code iss}: the issuer alone, as OIDC Core asks, unless its preset documents others.
     */
    public IdTokenCheck check(Secret idToken, ServerMetadata metadata, List<String> issuers, String clientId) {
        SignedJwt jwt;
        try {
            jwt = SignedJwt.parse(idToken.reveal());
        } catch (MalformedJsonException e) {
            return new IdTokenCheck.Rejected(Optional.empty(), "the ID token is malformed: " + e.getMessage());
        }
        Optional<JsonObject> claims = Optional.of(jwt.claims());
        Optional<JwsAlgorithm> named = JwsAlgorithm.named(jwt.algorithm());
        if (named.isEmpty()) {
            return new IdTokenCheck.Rejected(claims, "the ID token is signed with alg " + shortened(jwt.algorithm())
                    + ", which is not accepted (only RS256, PS256 and ES256)");
        }
        if (jwt.header().has("crit")) {
            return new IdTokenCheck.Rejected(claims, "the ID token's header has critical extensions ('crit') that are not understood");
        }
        if (metadata.jwksUri().isEmpty()) {
            return new IdTokenCheck.Unchecked(claims, "the server's metadata has no jwks_uri, so there is no key to check the signature with");
        }
        JwsAlgorithm alg = named.get();
        try {
            Optional<String> keyId = jwt.keyId();
            URI uri = metadata.jwksUri().get();
            JsonWebKeySet kept = keySets.get(uri);
            List<JsonWebKey> candidates = kept == null ? List.of() : kept.candidates(alg, keyId);
            if (candidates.isEmpty()) {
                candidates = fetch(uri).candidates(alg, keyId);
            }
            if (candidates.isEmpty()) {
                return new IdTokenCheck.Rejected(claims, "the issuer's key set has no " + alg.keyType() + " key"
                        + keyId.map(k -> " with kid " + shortened(k)).orElse("") + " for " + alg);
            }
            if (candidates.stream().noneMatch(k -> alg.verify(k.key(), jwt.signingInput(), jwt.signature()))) {
                return new IdTokenCheck.Rejected(claims, "the ID token's " + alg + " signature is not valid");
            }
            List<String> expected = new ArrayList<>();
            for (String issuer : issuers) {
                expected.add(expectedIssuer(issuer, jwt.claims()));
            }
            return claimsCheck(jwt.claims(), expected, clientId, alg);
        } catch (MalformedJsonException e) {
            return new IdTokenCheck.Rejected(claims, "the ID token is malformed: " + e.getMessage());
        } catch (KeySetUnavailable e) {
            return new IdTokenCheck.Unchecked(claims, e.getMessage());
        }
    }

    private JsonWebKeySet fetch(URI uri) throws KeySetUnavailable {
        HttpResult result;
        try {
            result = http.get(uri, null);
        } catch (JLoginException e) {
            throw new KeySetUnavailable("the issuer's key set could not be fetched: " + e.getMessage());
        }
        if (!result.isSuccess()) {
            throw new KeySetUnavailable("the issuer's key set could not be fetched: HTTP " + result.status() + " from " + uri);
        }
        try {
            JsonWebKeySet keys = JsonWebKeySet.parse(result.body());
            keySets.put(uri, keys);
            return keys;
        } catch (MalformedJsonException e) {
            throw new KeySetUnavailable("the issuer's key set at " + uri + " is malformed: " + e.getMessage());
        }
    }

    /** The metadata's issuer, with Entra's {@code {tenantid}} replaced by the token's own {@code tid}. */
    private static String expectedIssuer(String issuer, JsonObject claims) throws MalformedJsonException {
        if (!issuer.contains(ServerMetadata.TENANT_PLACEHOLDER)) {
            return issuer;
        }
        String tenant = claims.string("tid").filter(t -> TENANT_ID.matcher(t).matches())
                .orElseThrow(() -> new MalformedJsonException("the issuer is per tenant, but 'tid' is missing or not a tenant id"));
        return issuer.replace(ServerMetadata.TENANT_PLACEHOLDER, tenant);
    }

    private IdTokenCheck claimsCheck(JsonObject claims, List<String> issuers, String clientId, JwsAlgorithm alg)
            throws MalformedJsonException {
        Optional<JsonObject> readable = Optional.of(claims);
        if (!issuers.contains(claims.requireString("iss"))) {
            return new IdTokenCheck.Rejected(readable, "the ID token was issued by " + shortened(claims.requireString("iss"))
                    + ", not " + String.join(" or ", issuers));
        }
        claims.requireString("sub");
        List<String> audiences = audiences(claims);
        if (!audiences.contains(clientId)) {
            return new IdTokenCheck.Rejected(readable, "the ID token is not meant for client " + clientId + " ('aud')");
        }
        Optional<String> authorizedParty = claims.string("azp");
        if ((audiences.size() > 1 || authorizedParty.isPresent()) && !authorizedParty.equals(Optional.of(clientId))) {
            return new IdTokenCheck.Rejected(readable, "the ID token was not issued to client " + clientId + " ('azp')");
        }
        long now = clock.instant().getEpochSecond();
        long skew = CLOCK_SKEW.toSeconds();
        long expires = numericDate(claims, "exp").orElseThrow(() -> new MalformedJsonException("'exp' is missing"));
        long issued = numericDate(claims, "iat").orElseThrow(() -> new MalformedJsonException("'iat' is missing"));
        if (issued > now + skew) {
            return new IdTokenCheck.Rejected(readable, "the ID token claims to be issued in the future ('iat'); check this machine's clock");
        }
        if (numericDate(claims, "nbf").orElse(Long.MIN_VALUE) > now + skew) {
            return new IdTokenCheck.Rejected(readable, "the ID token is not valid yet ('nbf'); check this machine's clock");
        }
        if (expires < now - skew) {
            return new IdTokenCheck.Expired(claims, Instant.ofEpochSecond(Math.max(0, expires)));
        }
        return new IdTokenCheck.Verified(claims, alg.name());
    }

    /** {@code aud} is one string or an array of them (RFC 7519 §4.1.3). */
    private static List<String> audiences(JsonObject claims) throws MalformedJsonException {
        Object aud = claims.asMap().get("aud");
        if (aud instanceof String single) {
            return List.of(single);
        }
        if (aud instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw new MalformedJsonException("'aud' must be a string or an array of strings");
    }

    /** A NumericDate (RFC 7519 §2): seconds since the epoch, possibly with a fraction, which is dropped. */
    private static Optional<Long> numericDate(JsonObject claims, String name) throws MalformedJsonException {
        Object value = claims.asMap().get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Long seconds) {
            return Optional.of(seconds);
        }
        if (value instanceof Double seconds) {
            return Optional.of((long) Math.floor(seconds));
        }
        throw new MalformedJsonException("'" + name + "' must be a number of seconds");
    }

    /** Server text in a message: bounded, since a hostile token could make it arbitrarily long. */
    private static String shortened(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    /** The key set could not be had: the token cannot be judged either way. */
    private static final class KeySetUnavailable extends Exception {
        private static final long serialVersionUID = 1L;

        KeySetUnavailable(String message) {
            super(message);
        }
    }
}
