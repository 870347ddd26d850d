package dev.jlogin.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.store.StoredLogin;
import dev.jlogin.store.TokenStore;
import dev.jlogin.testing.FakeAuthorizationServer;
import dev.jlogin.testing.FullTier;
import dev.jlogin.testing.GitClient;
import dev.jlogin.testing.GitHttpServer;
import dev.jlogin.testing.JBang;
import dev.jlogin.testing.Logins;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real git (clone, push, ls-remote) against git's http-backend behind a server that accepts only
 * a live access token as the password, with git-credential as git's credential helper.
 */
@FullTier
public class GitCredentialScriptTest extends FakeServerScripts {
    /** How git runs jlogin: the one thing a launcher variant of these tests changes. */
    static final String HELPER = "\"$JBANG\" " + alias("git-credential");

    private GitHttpServer gitServer;
    private GitClient git;
    private Path repos;

    @BeforeEach
    void startGitServer() throws Exception {
        repos = Files.createDirectories(home.resolve("repos"));
        gitServer = new GitHttpServer(repos, server::accepts);
        git = new GitClient(jbang, env, home);
        git.createRepository(repos, "repo.git");
        env.put("JLOGIN_GIT_HOSTS", gitServer.host());
        git.useHelper("http://" + gitServer.host(), HELPER);
    }

    /**
     * As a newcomer does it, from the clone's root: setup-git with the loopback git server's URL
     * writes a helper that git then runs from any folder, and the clone works with the token.
     */
    @Test
    void setupGitFromACloneWritesAHelperThatGitRuns() {
        storeLogin(Instant.now().plusSeconds(300));
        env.remove("JLOGIN_GIT_HOSTS");
        JBang.Result reset = jbang.shell("git config --global --unset-all credential.http://" + gitServer.host() + ".helper");
        assertThat(reset.exit()).as(reset.err()).isZero();

        JBang.Result setup = jbang.shell("cd " + GitClient.quote(JBang.REPO.toString())
                + " && ./jbang setup-git@jbang-catalog.json --git-host http://" + gitServer.host());
        assertThat(setup.exit()).as(setup.err()).isZero();
        assertThat(setup.out()).contains("credential.http://" + gitServer.host() + ".helper");

        JBang.Result clone = git.git(home, "clone -q " + gitServer.url("repo.git") + " work");
        assertThat(clone.exit()).as(clone.err()).isZero();
        assertThat(home.resolve("work/README")).hasContent("hello");
    }

    @AfterEach
    void stopGitServer() {
        gitServer.close();
    }

    private StoredLogin storeLogin(Instant expiresAt) {
        FakeAuthorizationServer.Minted minted = server.mint();
        StoredLogin login = Logins.login(server.issuer(), minted.accessToken(), minted.refreshToken(), expiresAt);
        new TokenStore(home.resolve("jlogin"), Duration.ofSeconds(5)).write("default", login);
        return login;
    }

    private StoredLogin stored() {
        return new TokenStore(home.resolve("jlogin"), Duration.ofSeconds(5)).read("default").orElseThrow();
    }

    private List<String> passwordsSent() {
        return gitServer.attempts().stream().flatMap(a -> a.password().stream()).toList();
    }

    @Test
    void cloneAndPushWithTheTokenAsThePassword() {
        StoredLogin login = storeLogin(Instant.now().plusSeconds(300));

        JBang.Result clone = git.git(home, "clone -q " + gitServer.url("repo.git") + " work");
        assertThat(clone.exit()).as(clone.err()).isZero();
        assertThat(home.resolve("work/README")).hasContent("hello");

        JBang.Result push = git.git(home.resolve("work"), "commit -q --allow-empty -m second && git push -q origin HEAD:main");
        assertThat(push.exit()).as(push.err()).isZero();
        JBang.Result log = git.git(repos.resolve("repo.git"), "log --format=%s main");
        assertThat(log.out()).isEqualTo("second\nfirst\n");

        assertThat(passwordsSent()).isNotEmpty().containsOnly(login.tokens().accessToken().reveal());
        assertThat(server.refreshes()).isEmpty();
        assertThat(clone.both() + push.both()).doesNotContain(login.tokens().accessToken().reveal());
    }

    @Test
    void anExpiredTokenIsRefreshedWhenGitAsks() {
        StoredLogin expired = storeLogin(Instant.now().minusSeconds(1));

        JBang.Result lsRemote = git.git(home, "ls-remote " + gitServer.url("repo.git"));

        assertThat(lsRemote.exit()).as(lsRemote.err()).isZero();
        assertThat(lsRemote.out()).contains("refs/heads/main");
        assertThat(server.refreshes()).hasSize(1);
        String fresh = stored().tokens().accessToken().reveal();
        assertThat(fresh).isNotEqualTo(expired.tokens().accessToken().reveal());
        assertThat(passwordsSent()).containsOnly(fresh);
    }

    @Test
    void afterRevokeGitGetsNoCredentialAndTheCloneFails() {
        storeLogin(Instant.now().plusSeconds(300));
        JBang.Result revoke = jbang.run(alias("revoke"));
        assertThat(revoke.exit()).as(revoke.err()).isZero();

        JBang.Result clone = git.git(home, "clone -q " + gitServer.url("repo.git") + " work");

        assertThat(clone.exit()).isNotZero();
        assertThat(clone.err()).contains("git-credential: not logged in (profile 'default'); log in with: " + JBang.fromThisClone("login"));
        assertThat(passwordsSent()).isEmpty();
        assertThat(home.resolve("work")).doesNotExist();
    }

    @Test
    void aTokenRefusedByTheServerIsErasedAndTheNextGetRefreshes() throws Exception {
        StoredLogin login = storeLogin(Instant.now().plusSeconds(300));
        // revoked at the server, while locally it looks valid for five more minutes
        HttpResponse<String> revoked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.issuer() + "/revoke"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("client_id=cli&token=" + login.tokens().accessToken().reveal())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(revoked.statusCode()).isEqualTo(200);

        JBang.Result refused = git.git(home, "ls-remote " + gitServer.url("repo.git"));
        assertThat(refused.exit()).isNotZero();
        assertThat(server.refreshes()).isEmpty();

        JBang.Result next = git.git(home, "ls-remote " + gitServer.url("repo.git"));

        assertThat(next.exit()).as(next.err()).isZero();
        assertThat(server.refreshes()).hasSize(1);
        assertThat(passwordsSent().stream().distinct()).containsExactly(login.tokens().accessToken().reveal(),
                stored().tokens().accessToken().reveal());
    }

    @Test
    void aHostNotInTheListGetsNothingEvenFromAHelperConfiguredForEveryHost() {
        storeLogin(Instant.now().plusSeconds(300));
        env.put("JLOGIN_GIT_HOSTS", "git.acme.test");
        JBang.Result config = git.git(home, "config --global credential.helper " + GitClient.quote("!" + HELPER));
        assertThat(config.exit()).isZero();

        JBang.Result clone = git.git(home, "clone -q " + gitServer.url("repo.git") + " work");
        JBang.Result direct = jbang.shell("printf 'protocol=http\\nhost=" + gitServer.host() + "\\n\\n' | " + HELPER + " get");

        assertThat(clone.exit()).isNotZero();
        assertThat(passwordsSent()).isEmpty();
        assertThat(direct.exit()).as(direct.err()).isZero();
        assertThat(direct.out()).isEmpty();
        assertThat(direct.err()).doesNotContain("git-credential");
        assertThat(server.requests()).isEmpty();
    }
}
