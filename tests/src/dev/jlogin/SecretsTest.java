package dev.jlogin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.cli.terminal.Terminal;
import dev.jlogin.device.DeviceAuthorization;
import dev.jlogin.oauth.TokenSet;
import dev.jlogin.testing.Logins;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Values that hold secrets never print them. */
class SecretsTest {

    @Test
    void aSecretPrintsAsRedacted() {
        Secret secret = Secret.of("s3cr3t-value");

        assertThat(secret.toString()).doesNotContain("s3cr3t");
        assertThat("token=" + secret).isEqualTo("token=[redacted]");
        assertThat(secret.reveal()).isEqualTo("s3cr3t-value");
        assertThat(secret).isEqualTo(Secret.of("s3cr3t-value")).isNotEqualTo(Secret.of("other"));
    }

    @Test
    void recordsHoldingSecretsDoNotPrintThem() {
        TokenSet tokens = new TokenSet(Secret.of("access-XYZ"), "Bearer", Optional.of(Secret.of("refresh-XYZ")),
                Optional.of(Secret.of("id-XYZ")), Optional.of(Instant.EPOCH), Optional.of("openid"));
        DeviceAuthorization authorization = new DeviceAuthorization(Secret.of("device-XYZ"), "ABCD",
                URI.create("https://e/d"), Optional.empty(), Duration.ofSeconds(5), Duration.ofSeconds(5));

        assertThat(tokens.toString()).doesNotContain("XYZ");
        assertThat(authorization.toString()).doesNotContain("XYZ").contains("ABCD");
        assertThat(Logins.login("https://i", "access-XYZ", "refresh-XYZ", Instant.EPOCH).toString()).doesNotContain("XYZ");
    }

    @Test
    void serverTextIsMadeHarmlessForATerminal() {
        assertThat(Terminal.sanitize("ABCD-EFGH")).isEqualTo("ABCD-EFGH");
        assertThat(Terminal.sanitize("\u001b[2J\u001b]8;;https://evil\u0007code")).doesNotContain("\u001b").doesNotContain("\u0007");
        assertThat(Terminal.sanitize("line1\nline2\r")).isEqualTo("line1?line2?");
        assertThat(Terminal.sanitize("abc\u202Egnp.exe")).isEqualTo("abc?gnp.exe");
        assertThat(Terminal.sanitize("\u009b31m")).isEqualTo("?31m");
        assertThat(Terminal.sanitize("Zoë – 東京")).isEqualTo("Zoë – 東京");
        assertThat(Terminal.sanitize("x".repeat(1000))).hasSizeLessThan(310);
    }
}
