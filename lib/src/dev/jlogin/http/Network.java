package dev.jlogin.http;

import dev.jlogin.JLoginException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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
 * but never for loopback, and trusting the certificates of a CA file (PEM) instead of the JDK's
 * trust store when one is given. Applied only when an HTTP client is built, so a command that
 * makes no request reads none of it.
 */
public record Network(Map<String, String> environment, Optional<Path> caFile) {
    public static final Network DIRECT = new Network(Map.of(), Optional.empty());
    /** A CA bundle is some hundred KiB (Debian's has 140 certificates in 220 KiB); more is not one. */
    static final int MAX_CA_FILE_BYTES = 4 * 1024 * 1024;

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
            JLoginException invalid = new JLoginException(JLoginException.Kind.CONFIGURATION, scheme
                    + "_proxy must be http://HOST:PORT with a port from 1 to 65535 (no credentials, no other scheme)");
            URI uri;
            try {
                uri = new URI(value.contains("://") ? value : "http://" + value);
            } catch (URISyntaxException e) {
                throw invalid;
            }
            int port = uri.getPort() < 0 ? 80 : uri.getPort();
            if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getUserInfo() != null
                    || port < 1 || port > 65535) {
                throw invalid;
            }
            return InetSocketAddress.createUnresolved(uri.getHost(), port);
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

    /**
     * Only a regular file of a bundle's size is read: a FIFO would block the open, and
     * {@code /dev/zero} or a huge sparse file would exhaust the heap.
     */
    private static SSLContext trusting(Path file) {
        try (InputStream in = new ByteArrayInputStream(readBounded(file))) {
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
                    + " (--ca-file, JLOGIN_CA_FILE): " + e.getMessage(), e);
        }
    }

    private static byte[] readBounded(Path file) throws IOException {
        if (!Files.readAttributes(file, BasicFileAttributes.class).isRegularFile()) {
            throw new IOException("it is not a regular file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_CA_FILE_BYTES + 1);
            if (bytes.length > MAX_CA_FILE_BYTES) {
                throw new IOException("it is larger than " + MAX_CA_FILE_BYTES / (1024 * 1024) + " MiB, too big for CA certificates");
            }
            return bytes;
        }
    }

    private final class EnvironmentProxies extends ProxySelector {
        @Override
        public List<Proxy> select(URI uri) {
            // plain http reaches only loopback, and the proxy would then decide what "127.0.0.1" is, seeing
            // the device code and bearer tokens in clear text: loopback never goes through a proxy
            Optional<InetSocketAddress> proxy = Loopback.is(uri.getHost()) || bypasses(uri.getHost()) ? Optional.empty()
                    : proxy(uri.getScheme().toLowerCase(Locale.ROOT));
            return List.of(proxy.<Proxy>map(address -> new Proxy(Proxy.Type.HTTP, address)).orElse(Proxy.NO_PROXY));
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            // the request fails with its own error; there is no other proxy to try
        }
    }
}
