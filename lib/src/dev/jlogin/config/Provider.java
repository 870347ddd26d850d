package dev.jlogin.config;

import dev.jlogin.oauth.Dialect;
import dev.jlogin.oauth.ServerMetadata;
import dev.jlogin.oauth.TokenRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A provider preset: what one identity provider needs beyond standard OIDC discovery and RFC 8628,
 * chosen with {@code --provider}. The defaults describe a standard server; each preset overrides
 * only its provider's departures, and the layers below ask it (never the provider's name) what to do.
 */
public interface Provider {

    /** The name for {@code --provider}, {@code JLOGIN_PROVIDER} and {@code jlogin.provider}. */
    String name();

    /** The issuer, or for a provider without discovery its base URL, when none is configured. */
    default Optional<String> defaultIssuer() {
        return Optional.empty();
    }

    /** The configured issuer in the exact form the provider's metadata names it. */
    default String issuer(String configured) {
        return configured;
    }

    /** Whether the endpoints come from discovery; otherwise from {@link #endpoints(String)}. */
    default boolean discovers() {
        return true;
    }

    /** The fixed endpoints under {@code base}, keyed as {@link Settings#endpoints()}, for a provider without discovery. */
    default Map<String, String> endpoints(String base) {
        return Map.of();
    }

    /** The scope asked for when none is configured; empty: send none (the provider's default). */
    default Optional<String> defaultScope() {
        return Optional.of(SettingsResolver.DEFAULT_SCOPE);
    }

    /** The scope to send for a configured one, with what the provider needs added. */
    default String scope(String configured) {
        return configured;
    }

    /**
     * Whether the provider matches a browser login's redirect URI exactly, port included (Okta's
     * and Auth0's allowed callback URLs): the registered port must then be configured
     * ({@code jlogin.redirect-port}). Otherwise any port on the loopback address is accepted (RFC 8252 §7.3).
     */
    default boolean fixedRedirectPort() {
        return false;
    }

    /** Whether the token endpoint refuses a client without its secret, even for the device flow. */
    default boolean requiresClientSecret() {
        return false;
    }

    /** Whether discovery may name the tenant as a placeholder in the issuer (see {@code Discovery}). */
    default boolean tenantTemplate() {
        return false;
    }

    /** How the server's responses depart from the RFCs, and what its errors mean. */
    default Dialect dialect() {
        return Dialect.STANDARD;
    }

    /**
     * Whether the provider documents {@code host} as where users enter the code, although it is
     * not the issuer's host (Entra's microsoft.com, Google's www.google.com): no warning for it.
     */
    default boolean verificationHost(String host) {
        return false;
    }

    /**
     * The values of an ID token's {@code iss} that name {@code issuer} (the metadata's): only the
     * issuer itself, as OIDC Core asks, unless the provider documents other spellings.
     */
    default List<String> idTokenIssuers(String issuer) {
        return List.of(issuer);
    }

    /** Whether the userinfo endpoint is the provider's own profile API rather than OIDC userinfo. */
    default boolean profileApi() {
        return false;
    }

    /**
     * How the user can revoke this client's access when the provider offers a public client no
     * revocation endpoint (a page to visit); empty when there is nothing to point to.
     */
    default Optional<String> revokeElsewhere(String base, String clientId) {
        return Optional.empty();
    }

    /**
     * Whether a token for another API is asked for by token exchange (RFC 8693), the standard way:
     * where the server's metadata lists the grant. Otherwise by {@link #targetRefresh}.
     */
    default boolean exchangesTokens(ServerMetadata server) {
        return server.tokenExchange();
    }

    /**
     * The parameters of a refresh that asks for a token for {@code target} (RFC 8707's
     * {@code resource}, a narrower {@code scope}); empty when a refresh cannot name it: a logical
     * audience is RFC 8693's alone.
     */
    default Optional<Map<String, String>> targetRefresh(TokenRequest target) {
        if (target.audience().isPresent()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        target.resource().ifPresent(r -> parameters.put("resource", r));
        target.scope().ifPresent(s -> parameters.put("scope", s));
        return Optional.of(parameters);
    }

    /**
     * What the platform team must enable for client {@code clientId} to get tokens for other APIs,
     * by token exchange ({@code exchange}) or by a refresh naming them; the end of a refusal's line.
     */
    default String targetRemedy(String clientId, boolean exchange) {
        return exchange ? "ask the platform team to enable token exchange for client '" + clientId + "' and that API"
                + " (Keycloak: Standard token exchange, on a confidential client)"
                : "ask the platform team to let client '" + clientId + "' ask for it on refresh (RFC 8707)";
    }

    /** Why no token can be asked for {@code target} here, when neither way works: one line. */
    default String noTargetGrant(TokenRequest target, String clientId) {
        return "the server does not offer token exchange (RFC 8693), which alone asks for an audience; ask the platform"
                + " team to enable it for client '" + clientId + "', or name the API by --resource";
    }
}
