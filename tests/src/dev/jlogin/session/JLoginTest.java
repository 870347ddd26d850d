package dev.jlogin.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.jlogin.JLoginException;
import dev.jlogin.http.HttpResult;
import dev.jlogin.http.HttpTransport;
import dev.jlogin.testing.FakeAuthorizationServer.Reply;
import dev.jlogin.testing.FakeAuthorizationServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library's entry object against the fake server: the common path a JShell user types. */
class JLoginTest {
    private final FakeAuthorizationServer server = new FakeAuthorizationServer();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final List<String> notices = new CopyOnWriteArrayList<>();

    @TempDir
    Path home;

    @AfterEach
    void stop() {
        server.close();
    }

    /** Configured as a catalog alias would: issuer and client id as properties, the home in the environment. */
    private JLoginBuilder configured() {
        Properties properties = new Properties();
        properties.setProperty("jlogin.issuer", server.issuer());
        properties.setProperty("jlogin.client-id", "cli");
        return JLogin.builder().environment(Map.of("JLOGIN_HOME", home.toString()), properties)
                .sleeper(duration -> { }).notices(notices::add)
                .prompts(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    /** A listener that approves at the fake server as soon as the code is shown, as the user would. */
    private LoginListener approving() {
        return (authorization, issuedAt) -> server.approve();
    }

    /** A script has no flags: a missing setting is named as a script gives one, never as --issuer. */
    @Test
    void aMissingSettingIsNamedAsAScriptGivesIt() {
        JLoginBuilder unconfigured = JLogin.builder().environment(Map.of("JLOGIN_HOME", home.toString()), new Properties());

        assertThatThrownBy(() -> unconfigured.build().login()).isInstanceOf(JLoginException.class)
                .hasMessage("no issuer: set JLOGIN_ISSUER, or give it in the script: JLogin.builder().property(\"issuer\", URL)"
                        + " (for a server without discovery: JLOGIN_DEVICE_ENDPOINT and JLOGIN_TOKEN_ENDPOINT instead)");
        assertThatThrownBy(() -> unconfigured.property("issuer", server.issuer()).build().login())
                .hasMessage("no client id: set JLOGIN_CLIENT_ID, or give it in the script: JLogin.builder().property(\"client-id\", ID)");
        // a command, whose settings are flags, names the flag
        assertThatThrownBy(() -> JLogin.builder().environment(Map.of("JLOGIN_HOME", home.toString()), new Properties())
                .flags(Map.of()).build().login()).hasMessageStartingWith("no issuer: pass --issuer URL, set JLOGIN_ISSUER");
    }

    @Test
    void theCommonPathLogsInShowsWhoGivesATokenCallsAnApiRefreshesAndRevokes() {
        JLogin jl = configured().build();

        Login login = jl.login(approving());
        assertThat(login.identity().email()).contains("alice@example.com");
        assertThat(login.toString()).contains("Alice Tester <alice@example.com>", server.issuer(), "profile 'default'");

        Login who = jl.whoami();
        assertThat(who.identity().subject()).contains("user-1234");
        assertThat(who.hasRefreshToken()).isTrue();

        AccessToken token = jl.token();
        assertThat(server.accepts(token.value().reveal())).isTrue();
        assertThat(token.authorization()).isEqualTo("Bearer " + token.value().reveal());

        HttpResult userinfo = jl.http().get(server.issuer() + "/userinfo");
        assertThat(userinfo.status()).isEqualTo(200);
        assertThat(userinfo.body()).contains("alice@example.com");

        Refresh refresh = jl.refresh();
        assertThat(refresh.rotated()).isTrue();
        assertThat(jl.token().value()).isNotEqualTo(token.value());

        Revocation revocation = jl.revoke();
        assertThat(revocation.complete()).isTrue();
        assertThat(revocation.tokens()).containsEntry("refresh_token", "revoked").containsEntry("access_token", "revoked");
        assertThat(revocation.toString()).startsWith("Logged out Alice Tester <alice@example.com> from " + server.issuer());
        assertThatThrownBy(jl::token).isInstanceOfSatisfying(JLoginException.class,
                e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.LOGIN_REQUIRED));

        String everything = login + "\n" + who + "\n" + token + "\n" + refresh + "\n" + revocation + "\n" + jl + "\n" + printed;
        server.issuedSecrets().forEach(secret -> assertThat(everything).doesNotContain(secret));
    }

    @Test
    void theDefaultListenerPrintsTheLinkAndTheCodeButNoDeviceCode() {
        JLogin jl = configured().build();
        CompletableFuture<Login> login = jl.loginAsync();
        await().until(() -> printed.toString(StandardCharsets.UTF_8).contains("Waiting for approval"));
        server.approve();

        assertThat(login.join().identity().name()).contains("Alice Tester");
        String screen = printed.toString(StandardCharsets.UTF_8);
        assertThat(screen).contains(FakeAuthorizationServer.USER_CODE, server.base());
        server.issuedSecrets().forEach(secret -> assertThat(screen).doesNotContain(secret));
    }

    @Test
    void anHttpCallWhoseTokenTheServerRefusesIsRefreshedAndSentOnceMore() {
        JLogin jl = configured().build();
        jl.login(approving());
        String refused = jl.token().value().reveal();
        new HttpTransport().postForm(java.net.URI.create(server.issuer() + "/revoke"), Map.of("token", refused, "client_id", "cli"));

        HttpResult result = jl.http().get(server.issuer() + "/userinfo");

        assertThat(result.status()).isEqualTo(200);
        assertThat(server.refreshes()).hasSize(1);
        assertThat(server.requests("/issuer/userinfo")).extracting(FakeAuthorizationServer.Request::authorization)
                .last().isEqualTo("Bearer " + jl.token().value().reveal()).isNotEqualTo("Bearer " + refused);
    }

    @Test
    void anHttpCallIsNotRetriedForAnythingButA401() {
        JLogin jl = configured().build();
        jl.login(approving());

        HttpResult result = jl.http().get(server.issuer() + "/no-such-api");

        assertThat(result.status()).isEqualTo(404);
        assertThat(server.refreshes()).isEmpty();
    }

    @Test
    void theTokenGoesToNoPlainHttpServerButLoopback() {
        JLogin jl = configured().build();
        jl.login(approving());

        assertThatThrownBy(() -> jl.http().get("http://api.example.com/"))
                .isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.CONFIGURATION));
        assertThat(server.refreshes()).isEmpty();
    }

    @Test
    void interruptingALoginCancelsItInsteadOfCallingItExpired() throws Exception {
        JLogin jl = configured().sleeper(JLoginTest::untilInterrupted).build();
        CountDownLatch shown = new CountDownLatch(1);
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread login = new Thread(() -> {
            try {
                jl.login((authorization, issuedAt) -> shown.countDown());
            } catch (RuntimeException e) {
                ended.set(e);
            }
        });
        login.start();
        shown.await();
        login.interrupt();
        login.join();

        assertThat(ended.get()).isInstanceOfSatisfying(JLoginException.class, e -> {
            assertThat(e.kind()).isEqualTo(JLoginException.Kind.CANCELLED);
            assertThat(e.getMessage()).isEqualTo("login cancelled");
        });
        assertThat(jl.parts().store().read("default")).isEmpty();
    }

    @Test
    void cancellingAnAsyncLoginStopsPollingAndStoresNothing() {
        JLogin jl = configured().sleeper(JLoginTest::untilInterrupted).build();
        CountDownLatch shown = new CountDownLatch(1);
        CompletableFuture<Login> login = jl.loginAsync((authorization, issuedAt) -> shown.countDown());
        await().until(() -> shown.getCount() == 0);

        assertThat(login.cancel(true)).isTrue();
        server.approve();

        assertThat(login).isCancelled();
        assertThatThrownBy(login::join).isInstanceOf(CancellationException.class);
        await().until(() -> Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("jlogin-login")));
        assertThat(server.polls()).isEmpty();
        assertThat(jl.parts().store().read("default")).isEmpty();
    }

    @Test
    void aDeniedLoginCarriesTheOAuthErrorCode() {
        JLogin jl = configured().build();

        assertThatThrownBy(() -> jl.login((authorization, issuedAt) -> server.deny()))
                .isInstanceOfSatisfying(JLoginException.class, e -> {
                    assertThat(e.kind()).isEqualTo(JLoginException.Kind.DENIED);
                    assertThat(e.oauthError()).contains("access_denied");
                });
    }

    @Test
    void aRejectedRefreshTokenCarriesInvalidGrantAndAsksForALogin() {
        JLogin jl = configured().build();
        jl.login(approving());
        server.enqueueTokenReplies(Reply.json(400, Map.of("error", "invalid_grant")));

        assertThatThrownBy(jl::refresh).isInstanceOfSatisfying(JLoginException.class, e -> {
            assertThat(e.kind()).isEqualTo(JLoginException.Kind.LOGIN_REQUIRED);
            assertThat(e.oauthError()).contains("invalid_grant");
        });
    }

    @Test
    void withoutAnyLoginOrServerTheTokenAsksForALogin() {
        JLogin jl = JLogin.builder().environment(Map.of("JLOGIN_HOME", home.toString()), new Properties()).build();

        assertThatThrownBy(jl::token).isInstanceOfSatisfying(JLoginException.class, e -> {
            assertThat(e.kind()).isEqualTo(JLoginException.Kind.LOGIN_REQUIRED);
            assertThat(e.oauthError()).isEmpty();
        });
    }

    @Test
    void builderSettingsComeBeforeTheEnvironmentsAndTheSavedProfileKeepsThem() {
        JLogin.issuer(server.issuer()).clientId("cli").profile("work")
                .environment(Map.of("JLOGIN_HOME", home.toString(), "JLOGIN_ISSUER", "https://elsewhere.example/"), new Properties())
                .sleeper(duration -> { }).notices(notices::add).build()
                .login(approving());

        JLogin later = JLogin.forProfile("work").environment(Map.of("JLOGIN_HOME", home.toString()), new Properties()).build();
        assertThat(later.whoami().server()).isEqualTo(server.issuer());
        assertThat(later.toString()).contains("profile=work").doesNotContain("rt-", "at-");
    }

    /** A device login's wait that ends only when the login is cancelled. */
    private static void untilInterrupted(Duration ignored) throws InterruptedException {
        new CountDownLatch(1).await();
    }
}
