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
 * explicitly. Device and token endpoints are required; revocation, userinfo and the key set that
 * ID tokens are checked against ({@code jwks_uri}) are optional.
 */
public record ServerMetadata(String issuer, URI deviceAuthorizationEndpoint, URI tokenEndpoint,
                             Optional<URI> revocationEndpoint, Optional<URI> userinfoEndpoint, Optional<URI> jwksUri) {

    public ServerMetadata {
        Endpoints.require("device authorization endpoint", deviceAuthorizationEndpoint);
        Endpoints.require("token endpoint", tokenEndpoint);
        revocationEndpoint.ifPresent(u -> Endpoints.require("revocation endpoint", u));
        userinfoEndpoint.ifPresent(u -> Endpoints.require("userinfo endpoint", u));
        jwksUri.ifPresent(u -> Endpoints.require("jwks_uri", u));
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
            return new ServerMetadata(issuer, device, token, revocation, userinfo, jwks);
        } catch (MalformedJsonException e) {
            throw new JLoginException(JLoginException.Kind.SERVER, source + " is malformed: " + e.getMessage());
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
        return JsonObject.of(map);
    }
}
