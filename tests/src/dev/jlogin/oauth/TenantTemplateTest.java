package dev.jlogin.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Entra's multi-tenant metadata names its issuer {@code https://login.microsoftonline.com/{tenantid}/v2.0}:
 * discovery accepts that for a configured tenant URL with exactly one segment in the placeholder's place.
 */
class TenantTemplateTest {
    private static final String TEMPLATE = "https://login.microsoftonline.com/{tenantid}/v2.0";

    private static boolean fits(String template, String issuer) {
        return new ServerMetadata(template, java.net.URI.create("https://login.microsoftonline.com/common/oauth2/v2.0/devicecode"),
                java.net.URI.create("https://login.microsoftonline.com/common/oauth2/v2.0/token"), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty()).tenantTemplateFits(issuer);
    }

    @Test
    void oneSegmentFillsThePlaceholder() {
        assertThat(fits(TEMPLATE, "https://login.microsoftonline.com/common/v2.0")).isTrue();
        assertThat(fits(TEMPLATE, "https://login.microsoftonline.com/organizations/v2.0")).isTrue();
        assertThat(fits(TEMPLATE,
                "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0")).isTrue();
    }

    @Test
    void anythingElseIsAMismatch() {
        assertThat(fits(TEMPLATE, "https://login.microsoftonline.com/v2.0")).isFalse();
        assertThat(fits(TEMPLATE, "https://login.microsoftonline.com/a/b/v2.0")).isFalse();
        assertThat(fits(TEMPLATE, "https://login.evil.example/common/v2.0")).isFalse();
        assertThat(fits(TEMPLATE, "https://login.microsoftonline.com/common/v1.0")).isFalse();
        assertThat(fits("https://login.microsoftonline.com/common/v2.0",
                "https://login.microsoftonline.com/common/v2.0")).isFalse();
    }

    @Test
    void theTemplateIsKeptAndMarked() throws Exception {
        ServerMetadata metadata = ServerMetadata.fromJson(dev.jlogin.json.JsonObject.parse("{\"issuer\":\"" + TEMPLATE
                + "\",\"device_authorization_endpoint\":\"https://login.microsoftonline.com/common/oauth2/v2.0/devicecode\","
                + "\"token_endpoint\":\"https://login.microsoftonline.com/common/oauth2/v2.0/token\"}"), "test");

        assertThat(metadata.issuer()).isEqualTo(TEMPLATE);
        assertThat(metadata.issuerIsTemplate()).isTrue();
    }
}
