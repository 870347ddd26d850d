package dev.jlogin.oauth;

import dev.jlogin.JLoginException;
import dev.jlogin.json.JsonObject;
import dev.jlogin.json.MalformedJsonException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The endpoints of an authorization server, from discovery (RFC 8414 / OIDC Discovery) or given
 * explicitly. Device and token endpoints are required; revocation, userinfo, the key set that
 * ID tokens are checked against ({@code jwks_uri}) and the authorization endpoint of the browser
 * login are optional. {@code issParameterSupported} is RFC 9207's
 * {@code authorization_response_iss_parameter_supported}: the browser login's answer must then name the issuer.
 * {@code tokenExchange}: the metadata's {@code grant_types_supported} lists RFC 8693's token exchange.
 */
public record ServerMetadata(String issuer, URI deviceAuthorizationEndpoint, URI tokenEndpoint,
                             Optional<URI> revocationEndpoint, Optional<URI> userinfoEndpoint, Optional<URI> jwksUri,
                             Optional<URI> authorizationEndpoint, boolean issParameterSupported, boolean tokenExchange) {

    public ServerMetadata {
        Endpoints.require("device authorization endpoint", deviceAuthorizationEndpoint);
        Endpoints.require("token endpoint", tokenEndpoint);
        revocationEndpoint.ifPresent(u -> Endpoints.require("revocation endpoint", u));
        userinfoEndpoint.ifPresent(u -> Endpoints.require("userinfo endpoint", u));
        jwksUri.ifPresent(u -> Endpoints.require("jwks_uri", u));
        authorizationEndpoint.ifPresent(u -> Endpoints.require("authorization endpoint", u));
    }

    /** A server that does not say it exchanges tokens. */
    public ServerMetadata(String issuer, URI deviceAuthorizationEndpoint, URI tokenEndpoint, Optional<URI> revocationEndpoint,
                          Optional<URI> userinfoEndpoint, Optional<URI> jwksUri, Optional<URI> authorizationEndpoint,
                          boolean issParameterSupported) {
        this(issuer, deviceAuthorizationEndpoint, tokenEndpoint, revocationEndpoint, userinfoEndpoint, jwksUri,
                authorizationEndpoint, issParameterSupported, false);
    }

    /** A server known only for the device flow. */
    public ServerMetadata(String issuer, URI deviceAuthorizationEndpoint, URI tokenEndpoint, Optional<URI> revocationEndpoint,
                          Optional<URI> userinfoEndpoint, Optional<URI> jwksUri) {
        this(issuer, deviceAuthorizationEndpoint, tokenEndpoint, revocationEndpoint, userinfoEndpoint, jwksUri,
                Optional.empty(), false);
    }

    private static final String ISS_PARAMETER_SUPPORTED = "authorization_response_iss_parameter_supported";
    private static final String GRANT_TYPES = "grant_types_supported";

    /** Where a multi-tenant issuer (Entra's {@code common}, {@code organizations}) names the tenant. */
    public static final String TENANT_PLACEHOLDER = "{tenantid}";

    /**
     * Whether the issuer is a template for the tenant the user signs in to: an ID token's
     * {@code iss} then carries the tenant's id (its {@code tid} claim) in place of {@link #TENANT_PLACEHOLDER}.
     */
    public boolean issuerIsTemplate() {
        return issuer.contains(TENANT_PLACEHOLDER);
    }

    /**
     * Whether {@code configured} is this templated issuer with one tenant, a single non-empty
     * path segment, in the placeholder's place (Entra's {@code …/organizations/v2.0} for {@code …/{tenantid}/v2.0}).
     */
    public boolean tenantTemplateFits(String configured) {
        int at = issuer.indexOf(TENANT_PLACEHOLDER);
        if (at < 0 || issuer.indexOf(TENANT_PLACEHOLDER, at + 1) >= 0) {
            return false;
        }
        String prefix = issuer.substring(0, at);
        String suffix = issuer.substring(at + TENANT_PLACEHOLDER.length());
        if (!configured.startsWith(prefix) || !configured.endsWith(suffix)
                || configured.length() <= prefix.length() + suffix.length()) {
            return false;
        }
        String tenant = configured.substring(prefix.length(), configured.length() - suffix.length());
        return tenant.chars().noneMatch(c -> c == '/' || c == '?' || c == '#' || c == '{' || c == '}');
    }

    /** Reads a discovery document; {@code source} names it in error messages. */
    public static ServerMetadata fromJson(JsonObject json, String source) {
        try {
            String issuer = json.requireString("issuer");
            URI device = Endpoints.parse("device_authorization_endpoint", json.string("device_authorization_endpoint")
                    .orElseThrow(() -> new JLoginException(JLoginException.Kind.CONFIGURATION,
                            source + " lists no device_authorization_endpoint: this server does not offer the device flow;"
                                    + " set the endpoints explicitly if it does")));
            URI token = Endpoints.parse("token_endpoint", json.requireString("token_endpoint"));
            Optional<URI> revocation = json.string("revocation_endpoint").map(u -> Endpoints.parse("revocation_endpoint", u));
            Optional<URI> userinfo = json.string("userinfo_endpoint").map(u -> Endpoints.parse("userinfo_endpoint", u));
            Optional<URI> jwks = json.string("jwks_uri").map(u -> Endpoints.parse("jwks_uri", u));
            Optional<URI> authorization = json.string("authorization_endpoint")
                    .map(u -> Endpoints.parse("authorization_endpoint", u));
            // read leniently: a list we cannot use only means no exchange, not a server we cannot log in to
            boolean exchange = json.asMap().get(GRANT_TYPES) instanceof java.util.List<?> grants
                    && grants.contains(TokenEndpoint.TOKEN_EXCHANGE_GRANT);
            return new ServerMetadata(issuer, device, token, revocation, userinfo, jwks, authorization,
                    json.bool(ISS_PARAMETER_SUPPORTED).orElse(false), exchange);
        } catch (MalformedJsonException e) {
            throw new JLoginException(JLoginException.Kind.SERVER, source + " is malformed: " + e.getMessage(), e);
        }
    }

    public JsonObject toJson() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("issuer", issuer);
        map.put("device_authorization_endpoint", deviceAuthorizationEndpoint.toString());
        map.put("token_endpoint", tokenEndpoint.toString());
        revocationEndpoint.ifPresent(u -> map.put("revocation_endpoint", u.toString()));
        userinfoEndpoint.ifPresent(u -> map.put("userinfo_endpoint", u.toString()));
        jwksUri.ifPresent(u -> map.put("jwks_uri", u.toString()));
        authorizationEndpoint.ifPresent(u -> map.put("authorization_endpoint", u.toString()));
        if (issParameterSupported) {
            map.put(ISS_PARAMETER_SUPPORTED, true);
        }
        if (tokenExchange) {
            map.put(GRANT_TYPES, java.util.List.of(TokenEndpoint.TOKEN_EXCHANGE_GRANT));
        }
        return JsonObject.of(map);
    }
}
