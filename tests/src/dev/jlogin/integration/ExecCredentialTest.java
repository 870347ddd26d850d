package dev.jlogin.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jlogin.JLoginException;
import dev.jlogin.Secret;
import dev.jlogin.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ExecCredential exchange as the Kubernetes client-authentication API (v1, v1beta1) defines it. */
class ExecCredentialTest {
    private static void assertConfigurationError(String execInfo, String message) {
        assertThatThrownBy(() -> ExecCredential.parse(execInfo))
                .isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.CONFIGURATION))
                .hasMessageContaining(message);
    }

    @Test
    void readsTheApiVersionAndInteractivityKubectlSends() {
        assertThat(ExecCredential.parse("{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1\","
                + "\"spec\":{\"interactive\":true}}"))
                .isEqualTo(new ExecCredential.Request("client.authentication.k8s.io/v1", true));
        assertThat(ExecCredential.parse("{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1beta1\","
                + "\"spec\":{\"interactive\":false}}"))
                .isEqualTo(new ExecCredential.Request("client.authentication.k8s.io/v1beta1", false));
        // provideClusterInfo adds spec.cluster; a spec without "interactive" means not interactive
        assertThat(ExecCredential.parse("{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1\","
                + "\"spec\":{\"cluster\":{\"server\":\"https://127.0.0.1:6443\"}}}").interactive()).isFalse();
    }

    @Test
    void aMissingOrMalformedRequestIsAConfigurationErrorNamingTheVariable() {
        assertConfigurationError(null, "KUBERNETES_EXEC_INFO is not set");
        assertConfigurationError(" ", "KUBERNETES_EXEC_INFO is not set");
        assertConfigurationError("{not json", "KUBERNETES_EXEC_INFO is malformed");
        assertConfigurationError("[]", "KUBERNETES_EXEC_INFO is malformed");
        assertConfigurationError("{\"kind\":\"ExecCredential\"}", "KUBERNETES_EXEC_INFO is malformed: 'apiVersion' is missing");
        assertConfigurationError("{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"spec\":{\"interactive\":\"yes\"}}",
                "'interactive' must be true or false");
        assertConfigurationError("{\"kind\":\"Pod\",\"apiVersion\":\"client.authentication.k8s.io/v1\"}", "not an ExecCredential");
    }

    @Test
    void anUnknownApiVersionIsRefusedNamingTheSupportedOnes() {
        assertConfigurationError("{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1alpha1\"}",
                "supported: client.authentication.k8s.io/v1, client.authentication.k8s.io/v1beta1");
    }

    @Test
    void theAnswerCarriesTheSameApiVersionTheTokenAndAnRfc3339UtcExpiry() throws Exception {
        ExecCredential.Request request = new ExecCredential.Request(ExecCredential.V1BETA1, false);

        String answer = ExecCredential.write(request, Secret.of("tok-123"), Optional.of(Instant.parse("2030-01-02T03:04:05.678Z")));

        JsonObject json = JsonObject.parse(answer);
        assertThat(json.requireString("apiVersion")).isEqualTo("client.authentication.k8s.io/v1beta1");
        assertThat(json.requireString("kind")).isEqualTo("ExecCredential");
        assertThat(json.object("status").orElseThrow().asMap())
                .isEqualTo(Map.of("token", "tok-123", "expirationTimestamp", "2030-01-02T03:04:05Z"));
        assertThat(answer).doesNotContain("\n");
    }

    @Test
    void aTokenWithoutKnownExpiryHasNoExpirationTimestamp() throws Exception {
        String answer = ExecCredential.write(new ExecCredential.Request(ExecCredential.V1, true), Secret.of("tok"), Optional.empty());

        assertThat(JsonObject.parse(answer).object("status").orElseThrow().asMap()).isEqualTo(Map.of("token", "tok"));
    }
}
