package dev.jlogin.integration;

import dev.jlogin.JLoginException;
import dev.jlogin.http.Loopback;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A git server that gets the profile's token: {@code host} or {@code host:port} (IPv6 in brackets).
 * A request matches only over https (plain http only to loopback, for local tests), for the same
 * host and the same port, a missing port meaning the protocol's default; everything else, however
 * alike, gets nothing, so a helper configured too broadly never hands the token to a third party.
 */
public record GitHost(String host, Optional<Integer> port) {
    /** The user name git is given with the token, unless one is configured (the token is the password). */
    public static final String DEFAULT_USERNAME = "oauth2";

    /**
     * A comma-separated list, as {@code JLOGIN_GIT_HOSTS} and {@code jlogin.git-hosts} hold it;
     * an entry may be written as the server's URL, {@code https://host}, or {@code http://host}
     * for loopback (a local git server, the sandbox).
     */
    public static List<GitHost> parseList(String commaSeparated) {
        List<GitHost> hosts = new ArrayList<>();
        for (String entry : commaSeparated.split(",")) {
            if (!entry.isBlank()) {
                hosts.add(parseConfigured(entry.strip()));
            }
        }
        return hosts;
    }

    private static GitHost parseConfigured(String entry) {
        String lower = entry.toLowerCase(Locale.ROOT);
        boolean http = lower.startsWith("http://");
        String bare = http ? entry.substring("http://".length())
                : lower.startsWith("https://") ? entry.substring("https://".length()) : entry;
        GitHost host = parse(bare.endsWith("/") ? bare.substring(0, bare.length() - 1) : bare)
                .orElseThrow(() -> new JLoginException(JLoginException.Kind.CONFIGURATION,
                        "git host '" + entry + "' is not host, host:port or its https:// URL"));
        if (http && !host.isLoopback()) {
            throw new JLoginException(JLoginException.Kind.CONFIGURATION, "git host '" + entry + "' must use https:"
                    + " git sends the token as a password, and plain http is allowed only to loopback");
        }
        return host;
    }

    /** Whether git may reach it over plain http: only on this machine. */
    public boolean isLoopback() {
        return Loopback.is(host);
    }

    /** {@code host[:port]}, or empty when the text is anything else (a URL, a path, user@host). */
    public static Optional<GitHost> parse(String text) {
        try {
            URI uri = new URI("https://" + text);
            if (uri.getHost() == null || uri.getRawUserInfo() != null || !uri.getRawPath().isEmpty()
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return Optional.empty();
            }
            return Optional.of(new GitHost(uri.getHost().toLowerCase(Locale.ROOT),
                    uri.getPort() < 0 ? Optional.empty() : Optional.of(uri.getPort())));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Whether a request for {@code protocol} and {@code host} (git's attributes) is for this server. */
    public boolean serves(String protocol, String requestHost) {
        String scheme = protocol.toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback())) {
            return false;
        }
        return parse(requestHost).filter(other -> other.host.equals(host)
                && other.effectivePort(scheme) == effectivePort(scheme)).isPresent();
    }

    private int effectivePort(String scheme) {
        return port.orElse(scheme.equals("https") ? 443 : 80);
    }

    /** As written in a URL: {@code host} or {@code host:port}. */
    @Override
    public String toString() {
        String name = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return name + port.map(p -> ":" + p).orElse("");
    }
}
