/**
 * Protocol messages and their clients, without state: discovery (RFC 8414, OIDC Discovery), the
 * browser login's request and answer (PKCE, state, RFC 9207), the
 * token endpoint (RFC 6749; token exchange, RFC 8693; resources, RFC 8707), revocation (RFC 7009),
 * userinfo, and ID tokens (JWS, JWK, RFC 7515-7519).
 *
 * <p>May use: the root package, http, json.
 */
package dev.jlogin.oauth;
