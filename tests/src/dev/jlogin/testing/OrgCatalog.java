package dev.jlogin.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An organisation's catalog as the README tells platform teams to publish it: aliases that point at
 * ours, with the IdP's settings and the catalog's own name ({@code jlogin.catalog}) as properties.
 */
public final class OrgCatalog {
    private OrgCatalog() {
    }

    /** Writes {@code dir/jbang-catalog.json} with {@code aliases}; returns its path, which is also its name. */
    public static Path write(Path dir, String issuer, String clientId, String... aliases) {
        return write(dir, Map.of("jlogin.issuer", issuer, "jlogin.client-id", clientId), aliases);
    }

    /** As above, with any {@code jlogin.*} properties (a provider preset's, say) besides {@code jlogin.catalog}. */
    public static Path write(Path dir, Map<String, String> settings, String... aliases) {
        Path catalog = dir.resolve("jbang-catalog.json");
        Map<String, String> all = new TreeMap<>(settings);
        all.put("jlogin.catalog", catalog.toString());
        String properties = all.entrySet().stream().map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
                .collect(Collectors.joining(", ", "{", "}"));
        String entries = Stream.of(aliases).map(a -> "\"" + a + "\": {\"script-ref\": \"" + a + "@" + JBang.CATALOG
                + "\", \"properties\": " + properties + "}").collect(Collectors.joining(",\n"));
        try {
            Files.createDirectories(dir);
            Files.writeString(catalog, "{\"aliases\": {\n" + entries + "\n}}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return catalog;
    }
}
