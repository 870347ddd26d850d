package dev.jlogin.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jlogin.JLoginException;
import dev.jlogin.http.HttpTransport;
import dev.jlogin.oauth.Client;
import dev.jlogin.testing.FakeAuthorizationServer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** RFC 8628 §3.1 request and §3.2 response, parsed strictly. */
class DeviceAuthorizationClientTest {
    private final FakeAuthorizationServer server = new FakeAuthorizationServer();
    private final DeviceAuthorizationClient client = new DeviceAuthorizationClient(new HttpTransport());

    @AfterEach
    void stop() {
        server.close();
    }

    private DeviceAuthorization request() {
        return client.request(URI.create(server.issuer() + "/device"), Client.publicClient("cli"), "openid email",
                Map.of("audience", "https://api.example.com"));
    }

    @Test
    void sendsClientIdScopeAndExtraParametersButNoSecret() {
        request();

        Map<String, String> form = server.requests("/issuer/device").get(0).form();
        assertThat(form).containsEntry("client_id", "cli").containsEntry("scope", "openid email")
                .containsEntry("audience", "https://api.example.com").doesNotContainKey("client_secret");
    }

    @Test
    void parsesAllFields() {
        DeviceAuthorization auth = request();

        assertThat(auth.userCode()).isEqualTo(FakeAuthorizationServer.USER_CODE);
        assertThat(auth.verificationUri()).hasToString(server.base() + "/activate");
        assertThat(auth.verificationUriComplete()).isPresent();
        assertThat(auth.linkToOpen()).isEqualTo(auth.verificationUriComplete().get());
        assertThat(auth.expiresIn()).isEqualTo(Duration.ofSeconds(600));
        assertThat(auth.interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(auth.deviceCode().reveal()).startsWith("dc-");
    }

    @Test
    void intervalDefaultsToFiveSeconds() {
        server.deviceResponse("interval", null);

        assertThat(request().interval()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void acceptsGooglesVerificationUrlSpelling() {
        server.deviceResponse("verification_uri", null);
        server.deviceResponse("verification_uri_complete", null);
        server.deviceResponse("verification_url", "https://www.google.com/device");

        DeviceAuthorization auth = request();

        assertThat(auth.verificationUri()).hasToString("https://www.google.com/device");
        assertThat(auth.linkToOpen()).hasToString("https://www.google.com/device");
    }

    @Test
    void rejectsAMissingRequiredField() {
        for (String field : new String[] {"device_code", "user_code", "verification_uri", "expires_in"}) {
            FakeAuthorizationServer s = new FakeAuthorizationServer();
            try (s) {
                s.deviceResponse(field, null);
                assertThatThrownBy(() -> client.request(URI.create(s.issuer() + "/device"), Client.publicClient("cli"),
                        null, Map.of()))
                        .isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.SERVER))
                        .hasMessageContaining(field);
            }
        }
    }

    @Test
    void rejectsFieldsOfTheWrongType() {
        server.deviceResponse("expires_in", "600");

        assertThatThrownBy(this::request).hasMessageContaining("'expires_in' must be a whole number");
    }

    @Test
    void rejectsAVerificationLinkThatIsNotHttp() {
        server.deviceResponse("verification_uri", "javascript:alert(1)");

        assertThatThrownBy(this::request).hasMessageContaining("verification_uri");
    }

    @Test
    void aClientTheServerRefusesIsAConfigurationError() {
        // RFC 6749 §5.2: 400 for a client not authorized for this grant (401 is for failed authentication)
        server.enqueueDeviceReplies(FakeAuthorizationServer.Reply.json(400,
                Map.of("error", "unauthorized_client", "error_description", "device grant not enabled")));

        assertThatThrownBy(this::request)
                .isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.CONFIGURATION))
                .hasMessage("device authorization refused: unauthorized_client: device grant not enabled");
    }

    @Test
    void aServerFailureIsAServerError() {
        server.enqueueDeviceReplies(FakeAuthorizationServer.Reply.raw(503, "<html>down</html>"));

        assertThatThrownBy(this::request)
                .isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.SERVER))
                .hasMessageContaining("HTTP 503");
    }

    @Test
    void malformedBodyIsAServerError() {
        server.deviceResponse("interval", Map.of("nested", true));

        assertThatThrownBy(this::request).isInstanceOfSatisfying(JLoginException.class,
                e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.SERVER));
    }
}
