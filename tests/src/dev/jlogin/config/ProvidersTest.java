package dev.jlogin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jlogin.JLoginException;
import dev.jlogin.oauth.ServerMetadata;
import dev.jlogin.session.MetadataResolver;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What each preset makes of the settings, without any server: issuers, fixed endpoints, scopes. */
class ProvidersTest {

    private static Settings resolve(Map<String, String> flags) {
        return SettingsResolver.resolve(new SettingSource(flags, Map.of(), new Properties()), Optional.empty());
    }

    /** Providers without discovery resolve their endpoints without a request (no discovery, no cache). */
    private static ServerMetadata endpoints(Map<String, String> flags) {
        return new MetadataResolver(null, null).resolve(resolve(flags));
    }

    @Test
    void gitHubDotComUsesTheApiHostForTheUserAndAnEnterpriseServerItsApiV3() {
        ServerMetadata dotCom = endpoints(Map.of("provider", "github", "client-id", "Iv1.abc"));
        assertThat(dotCom.issuer()).isEqualTo("https://github.com");
        assertThat(dotCom.deviceAuthorizationEndpoint()).isEqualTo(URI.create("https://github.com/login/device/code"));
        assertThat(dotCom.tokenEndpoint()).isEqualTo(URI.create("https://github.com/login/oauth/access_token"));
        assertThat(dotCom.userinfoEndpoint()).contains(URI.create("https://api.github.com/user"));
        assertThat(dotCom.revocationEndpoint()).isEmpty();

        ServerMetadata enterprise = endpoints(Map.of("provider", "github", "client-id", "Iv1.abc",
                "issuer", "https://github.acme.example/"));
        assertThat(enterprise.tokenEndpoint()).isEqualTo(URI.create("https://github.acme.example/login/oauth/access_token"));
        assertThat(enterprise.userinfoEndpoint()).contains(URI.create("https://github.acme.example/api/v3/user"));
    }

    @Test
    void aBaseUrlThatIsNoUrlIsAConfigurationError() {
        assertThatThrownBy(() -> endpoints(Map.of("provider", "github", "client-id", "c", "issuer", "github com")))
                .isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.CONFIGURATION));
        assertThatThrownBy(() -> endpoints(Map.of("provider", "github", "client-id", "c", "issuer", "http://github.com")))
                .isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.getMessage()).contains("must use https"));
    }

    @Test
    void explicitEndpointsOverrideAPresetsFixedOnes() {
        ServerMetadata proxied = endpoints(Map.of("provider", "github", "client-id", "Iv1.abc",
                "token-endpoint", "https://proxy.acme.example/token"));

        assertThat(proxied.tokenEndpoint()).isEqualTo(URI.create("https://proxy.acme.example/token"));
        assertThat(proxied.deviceAuthorizationEndpoint()).isEqualTo(URI.create("https://github.com/login/device/code"));
    }

    @Test
    void workOsDefaultsToItsPublicApiAndSendsNoScope() {
        Settings settings = resolve(Map.of("provider", "workos", "client-id", "client_01"));
        ServerMetadata metadata = new MetadataResolver(null, null).resolve(settings);

        assertThat(settings.scope()).isEmpty();
        assertThat(metadata.deviceAuthorizationEndpoint())
                .isEqualTo(URI.create("https://api.workos.com/user_management/authorize/device"));
        assertThat(metadata.tokenEndpoint()).isEqualTo(URI.create("https://api.workos.com/user_management/authenticate"));
        assertThat(metadata.revocationEndpoint()).isEmpty();
    }

    @Test
    void entraTakesATenantUrlWithOrWithoutTheVersionAndAlwaysAsksForOfflineAccess() {
        assertThat(resolve(Map.of("provider", "entra", "client-id", "c")).issuer())
                .contains("https://login.microsoftonline.com/organizations/v2.0");
        assertThat(resolve(Map.of("provider", "entra", "client-id", "c", "issuer",
                "https://login.microsoftonline.com/contoso.onmicrosoft.com/")).issuer())
                .contains("https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0");
        assertThat(resolve(Map.of("provider", "entra", "client-id", "c", "issuer",
                "https://login.microsoftonline.com/common/v2.0", "scope", "openid api://acme/read")).scope())
                .contains("openid api://acme/read offline_access");
        assertThat(resolve(Map.of("provider", "entra", "client-id", "c", "scope", "openid offline_access")).scope())
                .contains("openid offline_access");
    }

    @Test
    void auth0sIssuerGetsTheTrailingSlashItsMetadataHas() {
        assertThat(resolve(Map.of("provider", "auth0", "client-id", "c", "issuer", "https://acme.eu.auth0.com")).issuer())
                .contains("https://acme.eu.auth0.com/");
    }

    @Test
    void oidcIsTheDefaultAndAssumesNothing() {
        Settings settings = resolve(Map.of("client-id", "c", "issuer", "https://idp.acme.example/realms/staff"));

        assertThat(settings.provider().name()).isEqualTo("oidc");
        assertThat(settings.issuer()).contains("https://idp.acme.example/realms/staff");
        assertThat(settings.scope()).contains("openid profile email");
    }

    @Test
    void onlyGoogleAcceptsItsIssuerWithoutTheSchemeInAnIdToken() {
        assertThat(Providers.named("google").idTokenIssuers("https://accounts.google.com"))
                .containsExactly("https://accounts.google.com", "accounts.google.com");
        for (String other : new String[] {"oidc", "keycloak", "okta", "entra"}) {
            assertThat(Providers.named(other).idTokenIssuers("https://idp.example/realms/x")).as(other)
                    .containsExactly("https://idp.example/realms/x");
        }
    }

    @Test
    void everyDocumentedPresetIsFoundByItsNameAndListed() {
        // README "Providers": the --provider values
        List<String> documented = List.of("oidc", "github", "google", "entra", "okta", "auth0", "keycloak", "zitadel", "workos");
        for (String name : documented) {
            assertThat(Providers.named(name).name()).isEqualTo(name);
        }
        assertThat(Providers.names().split(", ")).containsExactlyInAnyOrderElementsOf(documented);
        assertThatThrownBy(() -> Providers.named("gitlab")).hasMessageContaining("known providers: " + Providers.names());
    }
}
