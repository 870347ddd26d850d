package dev.jlogin.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.store.StoredLogin;
import dev.jlogin.store.TokenStore;
import dev.jlogin.testing.FakeAuthorizationServer;
import dev.jlogin.testing.FullTier;
import dev.jlogin.testing.HoldProfileLock;
import dev.jlogin.testing.JBang;
import dev.jlogin.testing.Logins;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Many processes, one expired token: the cross-process lock lets exactly one of them refresh,
 * and every one of them prints the new token. With rotating refresh tokens a second refresh
 * would reuse a spent refresh token and end the session. The same holds for a token for another API.
 */
@FullTier
public class ConcurrentTokenTest extends FakeServerScripts {
    public static final int PROCESSES = 16;

    /**
     * Half of them ask for the login's token, half for a token for another API, which is exchanged
     * for the login's: whoever takes the lock first refreshes, and the first asking for the API
     * exchanges the refreshed token; the others wait and take what those obtained.
     */
    @Test
    void sixteenTokenProcessesMakeExactlyOneRefreshAndOneExchange() {
        server.offerTokenExchange();
        FakeAuthorizationServer.Minted minted = server.mint();
        StoredLogin expired = Logins.login(server.issuer(), minted.accessToken(), minted.refreshToken(),
                Instant.now().minusSeconds(1));
        new TokenStore(home.resolve("jlogin"), Duration.ofSeconds(5)).write("default", expired);
        String token = alias("token");
        jbang.buildFirst(token);

        List<JBang.Running> login = new ArrayList<>();
        List<JBang.Running> api = new ArrayList<>();
        for (int i = 0; i < PROCESSES / 2; i++) {
            login.add(jbang.start(token));
            api.add(jbang.start(token, "--audience", "orders-api"));
        }

        Set<String> loginTokens = printed(login);
        assertThat(loginTokens).singleElement().satisfies(t -> assertThat(server.accepts(t)).isTrue());
        assertThat(printed(api)).singleElement()
                .satisfies(t -> assertThat(server.targetOf(t)).contains(Map.of("audience", "orders-api")));
        assertThat(server.refreshes()).hasSize(1);
        assertThat(server.exchanges()).hasSize(1);
        assertThat(home.resolve("jlogin/profiles/default.lock")).exists();
    }

    /** What the processes printed, once each succeeded. */
    private static Set<String> printed(List<JBang.Running> running) {
        List<JBang.Result> results = running.stream().map(JBang.Running::await).toList();
        assertThat(results).allSatisfy(r -> assertThat(r.exit()).as(r.err()).isZero());
        return results.stream().map(r -> r.out().strip()).collect(Collectors.toSet());
    }

    @Test
    void aStuckLockHolderGivesExit7NotAHang() throws Exception {
        FakeAuthorizationServer.Minted minted = server.mint();
        new TokenStore(home.resolve("jlogin"), Duration.ofSeconds(5)).write("default",
                Logins.login(server.issuer(), minted.accessToken(), minted.refreshToken(), Instant.now().minusSeconds(1)));
        Process holder = HoldProfileLock.start(home.resolve("jlogin"));
        try {
            assertThat(new String(holder.getInputStream().readNBytes(6))).isEqualTo("locked");
            env.put("JLOGIN_LOCK_TIMEOUT", "2");

            JBang.Result result = jbang.run(alias("token"));

            assertThat(result.exit()).isEqualTo(7);
            assertThat(result.err()).contains("timed out after 2 s waiting for the lock");
            assertThat(result.out()).isEmpty();
            assertThat(server.refreshes()).isEmpty();
        } finally {
            holder.destroyForcibly();
        }
    }
}
