package dev.jlogin.cli;

import java.util.Map;
import java.util.function.Consumer;

/**
 * The fake server set up to answer as each provider documents it (paths, discovery, response
 * fields), and the harness's environment set as an organisation would set it for that preset.
 * The tests of each preset add the provider's error and edge-case answers on top.
 */
enum ProviderReplays {
    /** GitHub Enterprise Server style (a loopback host is not github.com): the REST API under /api/v3. */
    GITHUB("github", cli -> {
        cli.env.put("JLOGIN_ISSUER", cli.server.base());
        cli.server.endpointPath("device", "/login/device/code");
        cli.server.endpointPath("token", "/login/oauth/access_token");
        cli.server.endpointPath("userinfo", "/api/v3/user");
        cli.server.userinfoClaims(Map.of("login", "octocat", "id", 1, "name", "monalisa octocat",
                "email", "octocat@github.com", "type", "User"));
        cli.server.deviceResponse("verification_uri_complete", null);
        cli.server.deviceResponse("verification_uri", cli.server.base() + "/login/device");
        cli.server.deviceResponse("expires_in", 900);
        cli.server.deviceResponse("interval", 5);
        cli.server.tokenResponse("token_type", "bearer");
        cli.server.tokenResponse("scope", "repo,gist");
    }),
    /** accounts.google.com: discovery at the root, verification_url, an id_token, a secret required. */
    GOOGLE("google", cli -> {
        cli.env.put("JLOGIN_ISSUER", cli.server.base());
        cli.env.put("JLOGIN_CLIENT_SECRET", "GOCSPX-google-client-secret");
        cli.server.issuerPath("");
        cli.server.endpointPath("device", "/device/code");
        cli.server.endpointPath("token", "/token");
        cli.server.endpointPath("revoke", "/revoke");
        cli.server.endpointPath("userinfo", "/v1/userinfo");
        cli.server.deviceResponse("verification_uri", null);
        cli.server.deviceResponse("verification_uri_complete", null);
        cli.server.deviceResponse("verification_url", "https://www.google.com/device");
        cli.server.deviceResponse("expires_in", 1800);
        cli.server.deviceResponse("interval", 5);
        cli.server.tokenResponse("expires_in", 3599);
        // an ID token the fake server signs as Google does (RS256), checked against its published keys
        cli.server.idTokens(cli.server::idToken);
    }),
    /** The organizations endpoint, configured without /v2.0, whose metadata has a templated issuer. */
    ENTRA("entra", cli -> {
        cli.env.put("JLOGIN_ISSUER", cli.server.base() + "/organizations");
        cli.server.issuerPath("/organizations/v2.0");
        cli.server.discoveredIssuer(cli.server.base() + "/{tenantid}/v2.0");
        cli.server.endpointPath("device", "/organizations/oauth2/v2.0/devicecode");
        cli.server.endpointPath("token", "/organizations/oauth2/v2.0/token");
        cli.server.endpointPath("userinfo", "/oidc/userinfo");
        cli.server.withoutRevocationEndpoint();
        cli.server.deviceResponse("verification_uri_complete", null);
        cli.server.deviceResponse("verification_uri", "https://microsoft.com/devicelogin");
        cli.server.deviceResponse("expires_in", 900);
        cli.server.deviceResponse("interval", 5);
        cli.server.deviceResponse("message", "To sign in, use a web browser to open the page https://microsoft.com/devicelogin"
                + " and enter the code WDJB-MJHT to authenticate.");
    }),
    /** Okta's org authorization server: the issuer is the org URL. */
    OKTA("okta", cli -> {
        cli.env.put("JLOGIN_ISSUER", cli.server.base());
        cli.server.issuerPath("");
        cli.server.endpointPath("device", "/oauth2/v1/device/authorize");
        cli.server.endpointPath("token", "/oauth2/v1/token");
        cli.server.endpointPath("revoke", "/oauth2/v1/revoke");
        cli.server.endpointPath("userinfo", "/oauth2/v1/userinfo");
    }),
    /** An Okta custom authorization server ("default"). */
    OKTA_CUSTOM("okta", cli -> {
        cli.env.put("JLOGIN_ISSUER", cli.server.base() + "/oauth2/default");
        cli.server.issuerPath("/oauth2/default");
        cli.server.endpointPath("device", "/oauth2/default/v1/device/authorize");
        cli.server.endpointPath("token", "/oauth2/default/v1/token");
        cli.server.endpointPath("revoke", "/oauth2/default/v1/revoke");
        cli.server.endpointPath("userinfo", "/oauth2/default/v1/userinfo");
    }),
    /** An Auth0 tenant, configured without the trailing slash its issuer has. */
    AUTH0("auth0", cli -> {
        cli.env.put("JLOGIN_ISSUER", cli.server.base());
        cli.env.put("JLOGIN_AUDIENCE", "https://api.acme.example");
        cli.server.issuerPath("");
        cli.server.discoveredIssuer(cli.server.base() + "/");
        cli.server.endpointPath("device", "/oauth/device/code");
        cli.server.endpointPath("token", "/oauth/token");
        cli.server.endpointPath("revoke", "/oauth/revoke");
        cli.server.endpointPath("userinfo", "/userinfo");
    }),
    KEYCLOAK("keycloak", cli -> {
        cli.env.put("JLOGIN_ISSUER", cli.server.base() + "/realms/acme");
        cli.server.issuerPath("/realms/acme");
        cli.server.endpointPath("device", "/realms/acme/protocol/openid-connect/auth/device");
        cli.server.endpointPath("token", "/realms/acme/protocol/openid-connect/token");
        cli.server.endpointPath("revoke", "/realms/acme/protocol/openid-connect/revoke");
        cli.server.endpointPath("userinfo", "/realms/acme/protocol/openid-connect/userinfo");
    }),
    ZITADEL("zitadel", cli -> {
        cli.env.put("JLOGIN_ISSUER", cli.server.base());
        cli.server.issuerPath("");
        cli.server.endpointPath("device", "/oauth/v2/device_authorization");
        cli.server.endpointPath("token", "/oauth/v2/token");
        cli.server.endpointPath("revoke", "/oauth/v2/revoke");
        cli.server.endpointPath("userinfo", "/oidc/v1/userinfo");
    }),
    /** WorkOS User Management's CLI Auth, at the API's base URL. */
    WORKOS("workos", cli -> {
        cli.env.put("JLOGIN_ISSUER", cli.server.base());
        cli.server.endpointPath("device", "/user_management/authorize/device");
        cli.server.endpointPath("token", "/user_management/authenticate");
        cli.server.deviceResponse("verification_uri", "https://acme.authkit.app/device");
        cli.server.deviceResponse("verification_uri_complete", "https://acme.authkit.app/device?user_code=WDJB-MJHT");
        cli.server.deviceResponse("expires_in", 300);
        cli.server.deviceResponse("interval", 5);
        cli.server.jwtAccessTokens();
        cli.server.tokenResponse("token_type", null);
        cli.server.tokenResponse("expires_in", null);
        cli.server.tokenResponse("scope", null);
        cli.server.tokenResponse("organization_id", "org_01H945H0YD4F97JN9MATX7BYAG");
        cli.server.tokenResponse("authentication_method", "GoogleOAuth");
        cli.server.tokenResponse("user", Map.of("object", "user", "id", "user_01E4ZCR3C56J083X43JQXF3JK5",
                "email", "marcelina.davis@example.com", "first_name", "Marcelina", "last_name", "Davis",
                "email_verified", true, "created_at", "2021-06-25T19:07:33.155Z"));
    }),
    /** WorkOS Connect (AuthKit): standard OIDC at the AuthKit domain, through the plain oidc preset. */
    WORKOS_CONNECT("oidc", cli -> {
        cli.env.put("JLOGIN_ISSUER", cli.server.base());
        cli.env.put("JLOGIN_SCOPE", "openid profile email offline_access");
        cli.server.issuerPath("");
        cli.server.endpointPath("device", "/oauth2/device_authorization");
        cli.server.endpointPath("token", "/oauth2/token");
        cli.server.endpointPath("revoke", "/oauth2/revoke");
        cli.server.endpointPath("userinfo", "/oauth2/userinfo");
    });

    final String provider;
    private final Consumer<CliHarness> setup;

    ProviderReplays(String provider, Consumer<CliHarness> setup) {
        this.provider = provider;
        this.setup = setup;
    }

    /** Sets the server and the environment up; the provider is chosen as JLOGIN_PROVIDER. */
    void apply(CliHarness cli) {
        cli.env.put("JLOGIN_PROVIDER", provider);
        setup.accept(cli);
    }
}
