package dev.jlogin.scripts;

import dev.jlogin.testing.FullTier;
import dev.jlogin.testing.OrgCatalog;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;

/** kubectl runs {@code jbang kube-credential@acme}, from an organisation's catalog that points at ours. */
@FullTier
class KubectlThroughCatalogTest extends KubectlTests {
    private Path catalog;

    @BeforeEach
    void publishCatalog() {
        catalog = OrgCatalog.write(home.resolve("acme"), server.issuer(), "cli", "login", "kube-credential", "setup-kube");
    }

    @Override
    String jlogin(String subcommand) {
        return "jbang " + subcommand + "@" + catalog;
    }
}
