package dev.jlogin.config;

import dev.jlogin.cli.CliHarness;
import dev.jlogin.testing.FakeAuthorizationServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The fake server set up to answer as each provider documents it (paths, discovery, response
 * fields), and the settings an organisation gives that preset (keyed by flag name), which the
 * harness gets either as {@code JLOGIN_*} variables or as a catalog alias's {@code jlogin.*}
 * properties. The tests of each preset add the provider's error and edge-case answers on top.
 */
enum ProviderReplays {
    /** GitHub Enterprise Server style (a loopback host is not github.com): the REST API under /api/v3. */
    GITHUB("github", (server, settings) -> {
        settings.put("issuer", server.base());
        server.endpointPath("device", "/login/device/code");
        server.endpointPath("token", "/login/oauth/access_token");
        server.endpointPath("authorize", "/login/oauth/authorize");
        server.endpointPath("userinfo", "/api/v3/user");
        server.userinfoClaims(Map.of("login", "octocat", "id", 1, "name", "monalisa octocat",
                "email", "octocat@github.com", "type", "User"));
        server.deviceResponse("verification_uri_complete", null);
        server.deviceResponse("verification_uri", server.base() + "/login/device");
        server.deviceResponse("expires_in", 900);
        server.deviceResponse("interval", 5);
        server.tokenResponse("token_type", "bearer");
        server.tokenResponse("scope", "repo,gist");
    }),
    /** accounts.google.com: discovery at the root, verification_url, an id_token, a secret required. */
    GOOGLE("google", (server, settings) -> {
        settings.put("issuer", server.base());
        settings.put("client-secret", "GOCSPX-google-client-secret");
        server.issuerPath("");
        server.endpointPath("device", "/device/code");
        server.endpointPath("authorize", "/o/oauth2/v2/auth");
        server.endpointPath("token", "/token");
        server.endpointPath("revoke", "/revoke");
        server.endpointPath("userinfo", "/v1/userinfo");
        server.deviceResponse("verification_uri", null);
        server.deviceResponse("verification_uri_complete", null);
        server.deviceResponse("verification_url", "https://www.google.com/device");
        server.deviceResponse("expires_in", 1800);
        server.deviceResponse("interval", 5);
        server.tokenResponse("expires_in", 3599);
        // an ID token the fake server signs as Google does (RS256), checked against its published keys
        server.idTokens(server::idToken);
    }),
    /** The organizations endpoint, configured without /v2.0, whose metadata has a templated issuer. */
    ENTRA("entra", (server, settings) -> {
        settings.put("issuer", server.base() + "/organizations");
        server.issuerPath("/organizations/v2.0");
        server.discoveredIssuer(server.base() + "/{tenantid}/v2.0");
        server.endpointPath("device", "/organizations/oauth2/v2.0/devicecode");
        server.endpointPath("authorize", "/organizations/oauth2/v2.0/authorize");
        server.endpointPath("token", "/organizations/oauth2/v2.0/token");
        server.endpointPath("userinfo", "/oidc/userinfo");
        server.withoutRevocationEndpoint();
        server.deviceResponse("verification_uri_complete", null);
        server.deviceResponse("verification_uri", "https://microsoft.com/devicelogin");
        server.deviceResponse("expires_in", 900);
        server.deviceResponse("interval", 5);
        server.deviceResponse("message", "To sign in, use a web browser to open the page https://microsoft.com/devicelogin"
                + " and enter the code WDJB-MJHT to authenticate.");
    }),
    /** Okta's org authorization server: the issuer is the org URL. */
    OKTA("okta", (server, settings) -> {
        settings.put("issuer", server.base());
        server.issuerPath("");
        server.endpointPath("device", "/oauth2/v1/device/authorize");
        server.endpointPath("authorize", "/oauth2/v1/authorize");
        server.endpointPath("token", "/oauth2/v1/token");
        server.endpointPath("revoke", "/oauth2/v1/revoke");
        server.endpointPath("userinfo", "/oauth2/v1/userinfo");
    }),
    /** An Okta custom authorization server ("default"). */
    OKTA_CUSTOM("okta", (server, settings) -> {
        settings.put("issuer", server.base() + "/oauth2/default");
        server.issuerPath("/oauth2/default");
        server.endpointPath("device", "/oauth2/default/v1/device/authorize");
        server.endpointPath("authorize", "/oauth2/default/v1/authorize");
        server.endpointPath("token", "/oauth2/default/v1/token");
        server.endpointPath("revoke", "/oauth2/default/v1/revoke");
        server.endpointPath("userinfo", "/oauth2/default/v1/userinfo");
    }),
    /** An Auth0 tenant, configured without the trailing slash its issuer has. */
    AUTH0("auth0", (server, settings) -> {
        settings.put("issuer", server.base());
        settings.put("audience", "https://api.acme.example");
        server.issuerPath("");
        server.discoveredIssuer(server.base() + "/");
        server.endpointPath("device", "/oauth/device/code");
        server.endpointPath("authorize", "/authorize");
        server.endpointPath("token", "/oauth/token");
        server.endpointPath("revoke", "/oauth/revoke");
        server.endpointPath("userinfo", "/userinfo");
    }),
    KEYCLOAK("keycloak", (server, settings) -> {
        settings.put("issuer", server.base() + "/realms/acme");
        server.issuerPath("/realms/acme");
        server.endpointPath("device", "/realms/acme/protocol/openid-connect/auth/device");
        server.endpointPath("authorize", "/realms/acme/protocol/openid-connect/auth");
        server.endpointPath("token", "/realms/acme/protocol/openid-connect/token");
        server.endpointPath("revoke", "/realms/acme/protocol/openid-connect/revoke");
        server.endpointPath("userinfo", "/realms/acme/protocol/openid-connect/userinfo");
    }),
    ZITADEL("zitadel", (server, settings) -> {
        settings.put("issuer", server.base());
        server.issuerPath("");
        server.endpointPath("device", "/oauth/v2/device_authorization");
        server.endpointPath("authorize", "/oauth/v2/authorize");
        server.endpointPath("token", "/oauth/v2/token");
        server.endpointPath("revoke", "/oauth/v2/revoke");
        server.endpointPath("userinfo", "/oidc/v1/userinfo");
    }),
    /** WorkOS User Management's CLI Auth, at the API's base URL. */
    WORKOS("workos", (server, settings) -> {
        settings.put("issuer", server.base());
        server.endpointPath("device", "/user_management/authorize/device");
        server.endpointPath("authorize", "/user_management/authorize");
        server.endpointPath("token", "/user_management/authenticate");
        server.deviceResponse("verification_uri", "https://acme.authkit.app/device");
        server.deviceResponse("verification_uri_complete", "https://acme.authkit.app/device?user_code=WDJB-MJHT");
        server.deviceResponse("expires_in", 300);
        server.deviceResponse("interval", 5);
        server.jwtAccessTokens();
        server.tokenResponse("token_type", null);
        server.tokenResponse("expires_in", null);
        server.tokenResponse("scope", null);
        server.tokenResponse("organization_id", "org_01H945H0YD4F97JN9MATX7BYAG");
        server.tokenResponse("authentication_method", "GoogleOAuth");
        server.tokenResponse("user", Map.of("object", "user", "id", "user_01E4ZCR3C56J083X43JQXF3JK5",
                "email", "marcelina.davis@example.com", "first_name", "Marcelina", "last_name", "Davis",
                "email_verified", true, "created_at", "2021-06-25T19:07:33.155Z"));
    }),
    /** WorkOS Connect (AuthKit): standard OIDC at the AuthKit domain, through the plain oidc preset. */
    WORKOS_CONNECT("oidc", (server, settings) -> {
        settings.put("issuer", server.base());
        settings.put("scope", "openid profile email offline_access");
        server.issuerPath("");
        server.endpointPath("device", "/oauth2/device_authorization");
        server.endpointPath("authorize", "/oauth2/authorize");
        server.endpointPath("token", "/oauth2/token");
        server.endpointPath("revoke", "/oauth2/revoke");
        server.endpointPath("userinfo", "/oauth2/userinfo");
    });

    final String provider;
    private final BiConsumer<FakeAuthorizationServer, Map<String, String>> setup;

    ProviderReplays(String provider, BiConsumer<FakeAuthorizationServer, Map<String, String>> setup) {
        this.provider = provider;
        this.setup = setup;
    }

    /** Sets the server up, and the settings as JLOGIN_* environment variables. */
    void apply(CliHarness cli) {
        settings(cli.server).forEach((key, value) -> cli.env.put("JLOGIN_" + key.toUpperCase(java.util.Locale.ROOT).replace('-', '_'), value));
    }

    /**
     * Sets the server up, and every setting (the harness's client id too) as a {@code jlogin.*}
     * property, as a catalog alias's {@code properties} do, leaving no JLOGIN_* setting. A client
     * secret is never a property: it goes into {@code secretFile}, readable by its owner alone.
     */
    void applyAsProperties(CliHarness cli, Path secretFile) {
        Map<String, String> settings = settings(cli.server);
        settings.put("client-id", cli.env.remove("JLOGIN_CLIENT_ID"));
        cli.env.remove("JLOGIN_ISSUER");
        String secret = settings.remove("client-secret");
        if (secret != null) {
            try {
                Files.writeString(Files.createFile(secretFile,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))), secret + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            settings.put("client-secret-file", secretFile.toString());
        }
        settings.forEach((key, value) -> cli.properties.setProperty("jlogin." + key, value));
    }

    private Map<String, String> settings(FakeAuthorizationServer server) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("provider", provider);
        setup.accept(server, settings);
        return settings;
    }
}
