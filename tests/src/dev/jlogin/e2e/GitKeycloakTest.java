package dev.jlogin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.keycloak.Keycloak;
import dev.jlogin.keycloak.SharedKeycloak;
import dev.jlogin.sandbox.DemoUser;
import dev.jlogin.testing.FullTier;
import dev.jlogin.testing.GitClient;
import dev.jlogin.testing.GitHttpServer;
import dev.jlogin.testing.JBang;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** git-credential with Keycloak's tokens: a git server that asks Keycloak's userinfo whether the token is live. */
@ExtendWith(SharedKeycloak.class)
@FullTier
class GitKeycloakTest {
    /** How git runs jlogin: the one thing a launcher variant of this test changes. */
    private static final String HELPER = "\"$JBANG\" " + KeycloakLogins.alias("git-credential");

    @TempDir
    Path home;

    @Test
    void loginThenCloneThroughTheHelperWithKeycloakAsTheJudge(Keycloak keycloak) throws Exception {
        KeycloakLogins logins = new KeycloakLogins(keycloak, home);
        HttpClient http = HttpClient.newHttpClient();
        Path repos = Files.createDirectories(home.resolve("repos"));
        try (GitHttpServer gitServer = new GitHttpServer(repos, token -> userinfoAccepts(http, keycloak, token))) {
            GitClient git = new GitClient(logins.jbang, logins.env, home);
            git.createRepository(repos, "repo.git");
            logins.env.put("JLOGIN_GIT_HOSTS", gitServer.host());
            git.useHelper("http://" + gitServer.host(), HELPER);
            JBang.Result login = logins.login(DemoUser.alice()::approve);
            assertThat(login.exit()).as(login.err()).isZero();

            JBang.Result clone = git.git(home, "clone -q " + gitServer.url("repo.git") + " work");

            assertThat(clone.exit()).as(clone.err()).isZero();
            assertThat(home.resolve("work/README")).hasContent("hello");
            String token = logins.stored().tokens().accessToken().reveal();
            assertThat(gitServer.attempts()).anySatisfy(a -> assertThat(a.accepted()).isTrue());
            assertThat(gitServer.attempts().stream().flatMap(a -> a.password().stream())).containsOnly(token);

            JBang.Result revoke = logins.jbang.run(KeycloakLogins.alias("revoke"));
            assertThat(revoke.exit()).as(revoke.err()).isZero();
            assertThat(userinfoAccepts(http, keycloak, token)).isFalse();
            JBang.Result after = git.git(home, "ls-remote " + gitServer.url("repo.git"));
            assertThat(after.exit()).isNotZero();
            assertThat(after.err()).contains("git-credential: not logged in");
        }
    }

    private static boolean userinfoAccepts(HttpClient http, Keycloak keycloak, String token) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(keycloak.userinfo())).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
