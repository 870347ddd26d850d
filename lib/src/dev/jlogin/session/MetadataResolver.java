package dev.jlogin.session;

import dev.jlogin.config.Settings;
import dev.jlogin.oauth.Discovery;
import dev.jlogin.oauth.Endpoints;
import dev.jlogin.oauth.ServerMetadata;
import dev.jlogin.store.MetadataCache;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The endpoints for some settings: discovered (through the disk cache) when an issuer is set,
 * or the fixed ones of a provider without discovery under its base URL, with any explicitly
 * configured endpoint taking precedence; or explicit endpoints alone.
 */
public final class MetadataResolver {
    private final Discovery discovery;
    private final MetadataCache cache;
    /** What this resolver already read or discovered, so one command reads the disk cache once. */
    private final Map<String, ServerMetadata> known = new java.util.concurrent.ConcurrentHashMap<>();

    public MetadataResolver(Discovery discovery, MetadataCache cache) {
        this.discovery = discovery;
        this.cache = cache;
    }

    public ServerMetadata resolve(Settings settings) {
        Map<String, String> explicit = settings.endpoints();
        if (!settings.provider().discovers()) {
            String base = settings.issuer().orElseThrow();
            Map<String, String> endpoints = new java.util.HashMap<>(settings.provider().endpoints(base));
            endpoints.putAll(explicit);
            return fixed(base, endpoints);
        }
        if (explicit.containsKey(Settings.DEVICE_ENDPOINT) && explicit.containsKey(Settings.TOKEN_ENDPOINT)
                && (settings.issuer().isEmpty() || explicit.containsKey(Settings.REVOCATION_ENDPOINT)
                && explicit.containsKey(Settings.USERINFO_ENDPOINT))) {
            return fixed(settings.describeServer(), explicit);
        }
        String issuer = settings.issuer().orElseThrow();
        boolean tenantTemplate = settings.provider().tenantTemplate();
        // a cached template was accepted for a provider that allows one; no other provider may use it
        ServerMetadata discovered = known.computeIfAbsent(issuer, i -> cache.get(i)
                .filter(cached -> tenantTemplate || !cached.issuerIsTemplate())
                .orElseGet(() -> {
                    ServerMetadata fresh = discovery.discover(i, tenantTemplate);
                    cache.put(i, fresh);
                    return fresh;
                }));
        return new ServerMetadata(discovered.issuer(),
                uri(explicit, Settings.DEVICE_ENDPOINT).orElse(discovered.deviceAuthorizationEndpoint()),
                uri(explicit, Settings.TOKEN_ENDPOINT).orElse(discovered.tokenEndpoint()),
                uri(explicit, Settings.REVOCATION_ENDPOINT).or(discovered::revocationEndpoint),
                uri(explicit, Settings.USERINFO_ENDPOINT).or(discovered::userinfoEndpoint), discovered.jwksUri(),
                uri(explicit, Settings.AUTHORIZATION_ENDPOINT).or(discovered::authorizationEndpoint),
                discovered.issParameterSupported(), discovered.tokenExchange());
    }

    /** A server known by its endpoints alone: no key set, and no issuer that answers could name. */
    private static ServerMetadata fixed(String server, Map<String, String> endpoints) {
        return new ServerMetadata(server, uri(endpoints, Settings.DEVICE_ENDPOINT).orElseThrow(),
                uri(endpoints, Settings.TOKEN_ENDPOINT).orElseThrow(), uri(endpoints, Settings.REVOCATION_ENDPOINT),
                uri(endpoints, Settings.USERINFO_ENDPOINT), Optional.empty(), uri(endpoints, Settings.AUTHORIZATION_ENDPOINT),
                false);
    }

    private static Optional<URI> uri(Map<String, String> endpoints, String name) {
        return Optional.ofNullable(endpoints.get(name)).map(v -> Endpoints.parse(name, v));
    }
}
