package dev.jlogin.sandbox;

/**
 * The sandbox realm {@code devicetest}: HTTP allowed on loopback, 60 s access tokens, rotating
 * single-use refresh tokens, device codes of 600 s polled every 2 s (a server on this machine: an approval
 * shows within 2 s; the RFC's default of 5 s, and slow_down, are the fake server's tests); a public device client
 * {@code device-public} that also logs in in a browser (authorization code, back to
 * {@code http://127.0.0.1/callback} on any port, as RFC 8252 §7.3 asks of servers; PKCE is checked
 * when a challenge is sent, and not required, since Keycloak would then require one of the device
 * flow's request too), a confidential one
 * {@code device-confidential}, and {@code device-short}
 * whose codes live 10 s (interval 1 s) for expiry tests; the demo user {@code alice}.
 * Kept in code rather than a resource file so the sandbox also runs from a catalog served over HTTP.
 */
public final class SandboxRealm {
    public static final String NAME = "devicetest";
    public static final String PUBLIC_CLIENT = "device-public";
    public static final String SHORT_CLIENT = "device-short";
    public static final String CONFIDENTIAL_CLIENT = "device-confidential";
    public static final String CONFIDENTIAL_SECRET = "device-confidential-secret";
    public static final String USER = "alice";
    public static final String PASSWORD = "alice-pw";

    private SandboxRealm() {
    }

    public static final String JSON = """
        {
            "realm": "devicetest",
            "enabled": true,
            "sslRequired": "none",
            "accessTokenLifespan": 60,
            "revokeRefreshToken": true,
            "refreshTokenMaxReuse": 0,
            "oauth2DeviceCodeLifespan": 600,
            "oauth2DevicePollingInterval": 2,
            "clients": [
                {
                    "clientId": "device-public",
                    "name": "Device CLI (public)",
                    "enabled": true,
                    "publicClient": true,
                    "standardFlowEnabled": true,
                    "redirectUris": ["http://127.0.0.1/callback"],
                    "implicitFlowEnabled": false,
                    "directAccessGrantsEnabled": false,
                    "serviceAccountsEnabled": false,
                    "consentRequired": false,
                    "attributes": {
                        "oauth2.device.authorization.grant.enabled": "true"
                    },
                    "protocolMappers": [
                        {
                            "name": "aud-device-confidential",
                            "protocol": "openid-connect",
                            "protocolMapper": "oidc-audience-mapper",
                            "config": {
                                "included.client.audience": "device-confidential",
                                "access.token.claim": "true",
                                "id.token.claim": "false",
                                "introspection.token.claim": "true"
                            }
                        }
                    ]
                },
                {
                    "clientId": "device-confidential",
                    "name": "Device CLI (confidential)",
                    "enabled": true,
                    "publicClient": false,
                    "clientAuthenticatorType": "client-secret",
                    "secret": "device-confidential-secret",
                    "standardFlowEnabled": false,
                    "directAccessGrantsEnabled": false,
                    "serviceAccountsEnabled": false,
                    "attributes": {
                        "oauth2.device.authorization.grant.enabled": "true",
                        "standard.token.exchange.enabled": "true"
                    },
                    "protocolMappers": [
                        {
                            "name": "aud-device-confidential",
                            "protocol": "openid-connect",
                            "protocolMapper": "oidc-audience-mapper",
                            "config": {
                                "included.client.audience": "device-confidential",
                                "access.token.claim": "true",
                                "id.token.claim": "false",
                                "introspection.token.claim": "true"
                            }
                        },
                        {
                            "name": "aud-orders-api",
                            "protocol": "openid-connect",
                            "protocolMapper": "oidc-audience-mapper",
                            "config": {
                                "included.client.audience": "orders-api",
                                "access.token.claim": "true",
                                "id.token.claim": "false",
                                "introspection.token.claim": "true"
                            }
                        }
                    ]
                },
                {
                    "clientId": "orders-api",
                    "name": "An API that accepts only tokens meant for it",
                    "enabled": true,
                    "publicClient": false,
                    "clientAuthenticatorType": "client-secret",
                    "secret": "orders-api-secret",
                    "standardFlowEnabled": false,
                    "directAccessGrantsEnabled": false,
                    "serviceAccountsEnabled": false
                },
                {
                    "clientId": "device-short",
                    "name": "Device CLI (10 s device code)",
                    "enabled": true,
                    "publicClient": true,
                    "standardFlowEnabled": false,
                    "directAccessGrantsEnabled": false,
                    "attributes": {
                        "oauth2.device.authorization.grant.enabled": "true",
                        "oauth2.device.code.lifespan": "10",
                        "oauth2.device.polling.interval": "1"
                    }
                }
            ],
            "users": [
                {
                    "username": "alice",
                    "enabled": true,
                    "email": "alice@example.com",
                    "emailVerified": true,
                    "firstName": "Alice",
                    "lastName": "Tester",
                    "credentials": [
                        {
                            "type": "password",
                            "value": "alice-pw",
                            "temporary": false
                        }
                    ]
                }
            ]
        }
        """;
}
