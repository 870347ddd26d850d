package dev.jlogin.testing;

import dev.jlogin.config.Settings;
import dev.jlogin.http.HttpTransport;
import dev.jlogin.oauth.Discovery;
import dev.jlogin.oauth.TokenEndpoint;
import dev.jlogin.session.MetadataResolver;
import dev.jlogin.session.TokenManager;
import dev.jlogin.store.MetadataCache;
import dev.jlogin.store.TokenStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Run as a child JVM: refreshes profile "default" of the store at {@code args[0]} against issuer
 * {@code args[1]}, forever, or {@code args[2]} times.
 */
public final class RefreshForever {
    private RefreshForever() {
    }

    public static void main(String[] args) {
        Path home = Path.of(args[0]);
        Settings settings = new Settings("default", Optional.of(args[1]), "cli", Optional.empty(), Optional.of("openid"),
                Map.of(), Map.of());
        HttpTransport http = new HttpTransport();
        TokenManager manager = new TokenManager(new TokenStore(home, Duration.ofSeconds(30)), settings,
                new MetadataResolver(new Discovery(http), new MetadataCache(home, Clock.systemUTC())),
                new TokenEndpoint(http, Clock.systemUTC()), Clock.systemUTC());
        for (long left = args.length > 2 ? Long.parseLong(args[2]) : Long.MAX_VALUE; left > 0; left--) {
            manager.refresh();
        }
    }
}
