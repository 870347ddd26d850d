package dev.jlogin.http;

import dev.jlogin.JLoginException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How requests reach servers: through the proxies the environment names, as curl reads them
 * ({@code https_proxy}, {@code http_proxy}, {@code no_proxy}, lower case first, then upper case),
 * and trusting the certificates of a CA file (PEM) instead of the JDK's trust store when one is
 * given. Applied only when an HTTP client is built, so a command that makes no request reads none
 * of it.
 */
public record Network(Map<String, String> environment, Optional<Path> caFile) {
    public static final Network DIRECT = new Network(Map.of(), Optional.empty());

    void configure(HttpClient.Builder builder) {
        if (proxy("https").isPresent() || proxy("http").isPresent()) {
            builder.proxy(new EnvironmentProxies());
        }
        caFile.ifPresent(file -> builder.sslContext(trusting(file)));
    }

    private Optional<String> variable(String name) {
        return Optional.ofNullable(environment.get(name)).or(() -> Optional.ofNullable(environment.get(name.toUpperCase(Locale.ROOT))))
                .map(String::trim).filter(v -> !v.isEmpty());
    }

    /** The proxy for {@code scheme} requests: {@code http://HOST:PORT} (the scheme may be left out). */
    private Optional<InetSocketAddress> proxy(String scheme) {
        return variable(scheme + "_proxy").map(value -> {
            URI uri = URI.create(value.contains("://") ? value : "http://" + value);
            if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getUserInfo() != null) {
                throw new JLoginException(JLoginException.Kind.CONFIGURATION, scheme + "_proxy must be http://HOST:PORT"
                        + " (no credentials, no other scheme)");
            }
            return InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
        });
    }

    /** no_proxy: "*", or host names and domain suffixes ("example.com" and ".example.com" both cover sub.example.com). */
    private boolean bypasses(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        for (String entry : variable("no_proxy").orElse("").split(",")) {
            String e = entry.trim().toLowerCase(Locale.ROOT);
            e = e.startsWith(".") ? e.substring(1) : e;
            if (e.equals("*") || (!e.isEmpty() && (h.equals(e) || h.endsWith("." + e)))) {
                return true;
            }
        }
        return false;
    }

    private static SSLContext trusting(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + n++, certificate);
            }
            if (n == 0) {
                throw new GeneralSecurityException("no certificate in it");
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return tls;
        } catch (IOException | GeneralSecurityException e) {
            throw new JLoginException(JLoginException.Kind.CONFIGURATION, "cannot use the CA file " + file
                    + " (--ca-file, JLOGIN_CA_FILE): " + e.getMessage());
        }
    }

    private final class EnvironmentProxies extends ProxySelector {
        @Override
        public List<Proxy> select(URI uri) {
            Optional<InetSocketAddress> proxy = bypasses(uri.getHost()) ? Optional.empty()
                    : proxy(uri.getScheme().toLowerCase(Locale.ROOT));
            return List.of(proxy.<Proxy>map(address -> new Proxy(Proxy.Type.HTTP, address)).orElse(Proxy.NO_PROXY));
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            // the request fails with its own error; there is no other proxy to try
        }
    }
}
