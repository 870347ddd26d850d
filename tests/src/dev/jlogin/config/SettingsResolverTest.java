package dev.jlogin.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.testing.Logins;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Flags beat environment, which beats system properties, which beat the saved profile. */
class SettingsResolverTest {
    private final Map<String, String> flags = new HashMap<>();
    private final Map<String, String> env = new HashMap<>();
    private final Properties props = new Properties();

    private Settings resolve() {
        return SettingsResolver.resolve(new SettingSource(flags, env, props),
                Optional.of(Logins.login("https://saved.example", "a", "r", Instant.EPOCH).settings()));
    }

    @Test
    void precedenceIsFlagsEnvironmentPropertiesSaved() {
        assertThat(resolve().issuer()).contains("https://saved.example");
        props.setProperty("jlogin.issuer", "https://property.example");
        assertThat(resolve().issuer()).contains("https://property.example");
        env.put("JLOGIN_ISSUER", "https://env.example");
        assertThat(resolve().issuer()).contains("https://env.example");
        flags.put("issuer", "https://flag.example");
        assertThat(resolve().issuer()).contains("https://flag.example");
    }

    @Test
    void everySettingHasAllThreeSpellings() {
        flags.put("client-id", "from-flag");
        env.put("JLOGIN_SCOPE", "openid env");
        props.setProperty("jlogin.profile", "from-property");
        props.setProperty("jlogin.audience", "https://api");

        Settings settings = resolve();

        assertThat(settings.clientId()).isEqualTo("from-flag");
        assertThat(settings.scope()).contains("openid env");
        assertThat(settings.profile()).isEqualTo("from-property");
        assertThat(settings.parameters()).containsEntry("audience", "https://api");
    }

    @Test
    void repeatedParamsAreDecoded() {
        flags.put("param", "audience=https%3A%2F%2Fapi&resource=x");

        assertThat(resolve().parameters()).containsEntry("audience", "https://api").containsEntry("resource", "x");
    }

    @Test
    void theClientSecretComesOnlyFromTheEnvironment() {
        flags.put("client-secret", "from-flag");
        props.setProperty("jlogin.client-secret", "from-property");
        assertThat(resolve().clientSecret()).isEmpty();

        env.put("JLOGIN_CLIENT_SECRET", "from-env");
        assertThat(resolve().clientSecret()).hasValueSatisfying(s -> assertThat(s.reveal()).isEqualTo("from-env"));
    }
}
