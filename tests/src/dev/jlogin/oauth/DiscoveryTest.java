package dev.jlogin.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jlogin.JLoginException;
import dev.jlogin.http.HttpTransport;
import dev.jlogin.http.Loopback;
import dev.jlogin.testing.FakeAuthorizationServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** OIDC Discovery and RFC 8414 metadata, with the issuer check of RFC 8414 §3.3. */
class DiscoveryTest {
    private final FakeAuthorizationServer server = new FakeAuthorizationServer();
    private final Discovery discovery = new Discovery(new HttpTransport());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readsTheEndpointsFromOpenIdConfiguration() {
        ServerMetadata metadata = discovery.discover(server.issuer());

        assertThat(metadata.issuer()).isEqualTo(server.issuer());
        assertThat(metadata.deviceAuthorizationEndpoint()).hasToString(server.issuer() + "/device");
        assertThat(metadata.tokenEndpoint()).hasToString(server.issuer() + "/token");
        assertThat(metadata.revocationEndpoint()).hasValueSatisfying(u -> assertThat(u).hasToString(server.issuer() + "/revoke"));
        assertThat(metadata.userinfoEndpoint()).isPresent();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aTrailingSlashOnTheConfiguredIssuerIsTolerated() {
        assertThat(discovery.discover(server.issuer() + "/").issuer()).isEqualTo(server.issuer());
    }

    @Test
    void fallsBackToRfc8414WellKnownLocation() {
        server.withoutOidcDiscovery();

        ServerMetadata metadata = discovery.discover(server.issuer());

        assertThat(metadata.tokenEndpoint()).hasToString(server.issuer() + "/token");
        assertThat(server.requests()).extracting(FakeAuthorizationServer.Request::path)
                .containsExactly("/issuer/.well-known/openid-configuration", "/.well-known/oauth-authorization-server/issuer");
    }

    @Test
    void anIssuerMismatchIsAnError() {
        server.discoveredIssuer("https://evil.example.com/issuer");

        assertThatThrownBy(() -> discovery.discover(server.issuer()))
                .isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.CONFIGURATION))
                .hasMessageContaining("issuer mismatch").hasMessageContaining("https://evil.example.com/issuer");
    }

    @Test
    void plainHttpIsRefusedExceptOnLoopback() {
        assertThatThrownBy(() -> discovery.discover("http://idp.example.com/realms/x"))
                .isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.CONFIGURATION))
                .hasMessageContaining("must use https");
        assertThat(Loopback.is("127.0.0.1")).isTrue();
        assertThat(Loopback.is("[::1]")).isTrue();
        assertThat(Loopback.is("localhost")).isTrue();
        assertThat(Loopback.is("127.example.com")).isFalse();
    }

    @Test
    void anUnreachableIssuerIsAServerError() {
        String issuer = server.issuer();
        server.close();

        assertThatThrownBy(() -> discovery.discover(issuer))
                .isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.SERVER))
                .hasMessageContaining("cannot reach");
    }
}
