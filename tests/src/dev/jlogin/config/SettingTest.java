package dev.jlogin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jlogin.testing.JBang;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one declaration of the settings: each key gives its flag, variable and property by one rule,
 * resolution takes them in that order, and the configuration page lists every one of them.
 */
class SettingTest {

    @Test
    void theKeyNamesTheFlagTheVariableAndTheProperty() {
        assertThat(Setting.CLIENT_ID.flag()).isEqualTo("--client-id");
        assertThat(Setting.CLIENT_ID.variable()).isEqualTo("JLOGIN_CLIENT_ID");
        assertThat(Setting.CLIENT_ID.property()).isEqualTo("jlogin.client-id");
        assertThat(Setting.forKey("store-fallback")).isEqualTo(Setting.STORE_FALLBACK);
        assertThatThrownBy(() -> Setting.forKey("nonsense")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFlagComesFirstThenTheVariableThenTheProperty() {
        Properties properties = new Properties();
        properties.setProperty("jlogin.scope", "from-property");
        Map<String, String> variables = Map.of("JLOGIN_SCOPE", "from-variable");

        assertThat(new SettingSource(Map.of("scope", "from-flag"), variables, properties).get(Setting.SCOPE)).contains("from-flag");
        assertThat(new SettingSource(Map.of(), variables, properties).get(Setting.SCOPE)).contains("from-variable");
        assertThat(new SettingSource(Map.of(), variables, properties).origin(Setting.SCOPE)).isEqualTo("JLOGIN_SCOPE");
        assertThat(new SettingSource(Map.of(), Map.of(), properties).origin(Setting.SCOPE)).isEqualTo("jlogin.scope");
        assertThat(new SettingSource(Map.of(), Map.of(), new Properties()).origin(Setting.SCOPE)).isEqualTo("default");
    }

    @Test
    void helpNamesTheVariableThePropertyAndTheCodesOwnDefault() {
        assertThat(Setting.LOCK_TIMEOUT.help()).endsWith("(JLOGIN_LOCK_TIMEOUT, jlogin.lock-timeout; default "
                + dev.jlogin.store.TokenStore.DEFAULT_LOCK_TIMEOUT.toSeconds() + ")");
        assertThat(Setting.ISSUER.help()).endsWith("(JLOGIN_ISSUER, jlogin.issuer)");
    }

    @Test
    void theConfigurationPagesNameEverySetting() throws IOException {
        StringBuilder docs = new StringBuilder(Files.readString(JBang.REPO.resolve("README.md")));
        try (Stream<Path> pages = Files.list(JBang.REPO.resolve("docs"))) {
            for (Path page : pages.toList()) {
                docs.append(Files.readString(page));
            }
        }
        assertThat(Setting.values()).allSatisfy(s -> assertThat(docs).as(s.key()).contains(s.variable()).contains(s.property()));
    }
}
