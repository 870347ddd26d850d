package dev.jlogin.e2e;

import dev.jlogin.json.JsonObject;
import dev.jlogin.json.MalformedJsonException;
import dev.jlogin.keycloak.Keycloak;
import dev.jlogin.store.StoredLogin;
import dev.jlogin.store.TokenStore;
import dev.jlogin.testing.JBang;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** The real scripts against a Keycloak, in an isolated home, with someone (or something) approving. */
final class KeycloakLogins {
    /**
     * The demo user approves one login at a time: Keycloak 26.7 answers HTTP 500 when one user grants
     * one client's consent twice at the same moment (tests that run side by side would).
     */
    private static final Object APPROVALS = new Object();
    final Keycloak keycloak;
    final Path home;
    final Map<String, String> env = new HashMap<>();
    final JBang jbang;

    KeycloakLogins(Keycloak keycloak, Path home) {
        this.keycloak = keycloak;
        this.home = home;
        env.put("JLOGIN_ISSUER", keycloak.issuer());
        env.put("JLOGIN_CLIENT_ID", "device-public");
        jbang = new JBang(home, env);
    }

    static String alias(String name) {
        return name + "@" + JBang.CATALOG;
    }

    /**
     * Runs {@code login --json --no-browser}, hands the pre-filled verification link to
     * {@code approver} as soon as login prints it, and waits for login to end.
     */
    JBang.Result login(Consumer<URI> approver, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = alias("login");
        all[1] = "--json";
        all[2] = "--no-browser";
        System.arraycopy(args, 0, all, 3, args.length);
        JBang.Running running = jbang.start(all);
        URI link = URI.create(field(running.nextLine(), "verification_uri_complete"));
        synchronized (APPROVALS) {
            approver.accept(link);
        }
        return running.await();
    }

    /**
     * Runs {@code login --json --browser} as over SSH, where no browser of this machine is started
     * and the link is printed, hands the authorization link to {@code browser} as soon as login
     * prints it, and waits for login to end.
     */
    JBang.Result browserLogin(Consumer<URI> browser) {
        Map<String, String> ssh = new HashMap<>(env);
        ssh.put("SSH_CONNECTION", "192.0.2.1 50000 192.0.2.2 22");
        JBang.Running running = new JBang(home, ssh).start(alias("login"), "--json", "--browser");
        String first = running.nextLine();
        if (!field(first, "flow").equals("browser")) {
            throw new AssertionError("not the browser login: " + first);
        }
        browser.accept(URI.create(field(first, "authorization_uri")));
        return running.await();
    }

    /** The login stored on disk by the scripts, read with the library itself. */
    StoredLogin stored() {
        return new TokenStore(home.resolve("jlogin"), Duration.ofSeconds(5)).read("default").orElseThrow();
    }

    static String field(String jsonLine, String name) {
        try {
            return JsonObject.parse(jsonLine).requireString(name);
        } catch (MalformedJsonException e) {
            throw new AssertionError("not the JSON line expected: " + jsonLine, e);
        }
    }
}
