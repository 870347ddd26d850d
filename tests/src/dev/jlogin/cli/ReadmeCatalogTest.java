package dev.jlogin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.jlogin.Version;
import dev.jlogin.testing.JBang;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The README's example catalog for platform teams is complete and current: an alias for every
 * command of ours a user runs (the sandbox is ours alone), each pointing at the alias of the same
 * name in the release of this version, with the IdP's settings; {@code new} with the library of
 * that release.
 */
class ReadmeCatalogTest {

    @Test
    void theExampleCatalogHasEveryAliasPinnedToThisVersion() throws Exception {
        String readme = Files.readString(JBang.REPO.resolve("README.md"));
        int section = readme.indexOf("## For platform teams");
        int start = readme.indexOf("```json\n", section) + "```json\n".length();
        Map<String, Object> example = JSON.std.mapFrom(readme.substring(start, readme.indexOf("```", start)));
        Map<String, Object> ours = JSON.std.mapFrom(Files.readString(JBang.REPO.resolve("jbang-catalog.json")));
        Map<?, ?> aliases = (Map<?, ?>) example.get("aliases");
        Set<Object> expected = new TreeSet<>(((Map<?, ?>) ours.get("aliases")).keySet());
        expected.remove("sandbox");

        assertThat(new TreeSet<>(aliases.keySet())).isEqualTo(expected);
        String release = "https://raw.githubusercontent.com/OWNER/jlogin/v" + Version.VERSION + "/";
        aliases.forEach((name, alias) -> {
            Map<?, ?> entry = (Map<?, ?>) alias;
            assertThat(entry.get("script-ref")).as(name.toString()).isEqualTo(name + "@" + release + "jbang-catalog.json");
            Set<Object> properties = new TreeSet<>(((Map<?, ?>) entry.get("properties")).keySet());
            assertThat(properties).as(name.toString()).contains("jlogin.issuer", "jlogin.client-id", "jlogin.name", "jlogin.catalog");
        });
        assertThat(((Map<?, ?>) ((Map<?, ?>) aliases.get("new")).get("properties")).get("jlogin.library"))
                .isEqualTo(release + "lib/JLogin.java");
    }
}
