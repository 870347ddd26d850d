package dev.jlogin.oauth;

import dev.jlogin.JLoginException;
import dev.jlogin.http.HttpResult;
import dev.jlogin.http.HttpSender;
import dev.jlogin.json.JsonObject;
import dev.jlogin.json.MalformedJsonException;
import java.net.URI;

/**
 * Finds an issuer's endpoints: OpenID Connect Discovery first (what most IdPs serve), then the
 * RFC 8414 well-known location. The document's {@code issuer} must be the configured issuer
 * (RFC 8414 §3.3, OIDC Discovery §4.3), or a look-alike document could redirect our tokens.
 */
public final class Discovery {
    private final HttpSender http;

    public Discovery(HttpSender http) {
        this.http = http;
    }

    public ServerMetadata discover(String issuer) {
        return discover(issuer, false);
    }

    /**
     * As {@link #discover(String)}; with {@code tenantTemplate}, a document whose issuer names the
     * tenant as {@link ServerMetadata#TENANT_PLACEHOLDER} is accepted for a configured issuer that
     * has one path segment in its place (Entra's {@code common} and {@code organizations}
     * endpoints). The template is kept, so an ID token's issuer can be checked against its tenant.
     */
    public ServerMetadata discover(String issuer, boolean tenantTemplate) {
        URI issuerUri = Endpoints.parse("issuer", issuer);
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        URI oidc = URI.create(base + "/.well-known/openid-configuration");
        HttpResult result = http.get(oidc, null);
        URI source = oidc;
        if (result.status() == 404) {
            // RFC 8414 §3: the well-known segment goes between host and path
            String path = issuerUri.getRawPath() == null ? "" : issuerUri.getRawPath();
            source = URI.create(issuerUri.getScheme() + "://" + issuerUri.getRawAuthority()
                    + "/.well-known/oauth-authorization-server" + (path.equals("/") ? "" : path));
            result = http.get(source, null);
        }
        if (result.status() == 404) {
            // neither document exists: almost always a mistyped issuer, not a server failure
            throw new JLoginException(JLoginException.Kind.CONFIGURATION, "no discovery document for issuer " + issuer
                    + " (HTTP 404 from " + source + "); check the issuer URL: on Keycloak it ends in /realms/NAME,"
                    + " on Entra ID it names the tenant, on Okta the authorization server");
        }
        if (!result.isSuccess()) {
            throw new JLoginException(JLoginException.Kind.SERVER,
                    "discovery failed for issuer " + issuer + ": HTTP " + result.status() + " from " + source);
        }
        JsonObject json;
        try {
            json = JsonObject.parse(result.body());
        } catch (MalformedJsonException e) {
            throw new JLoginException(JLoginException.Kind.SERVER, "discovery document at " + source + " is " + e.getMessage(), e);
        }
        ServerMetadata metadata = ServerMetadata.fromJson(json, "discovery document at " + source);
        boolean matches = metadata.issuer().equals(issuer) || metadata.issuer().equals(base)
                || tenantTemplate && metadata.tenantTemplateFits(base);
        if (!matches) {
            throw new JLoginException(JLoginException.Kind.CONFIGURATION, "issuer mismatch: configured " + issuer
                    + " but the discovery document says " + metadata.issuer());
        }
        return metadata;
    }
}
