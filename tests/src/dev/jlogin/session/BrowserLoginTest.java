package dev.jlogin.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.jlogin.JLoginException;
import dev.jlogin.browser.BrowserLauncher;
import dev.jlogin.config.LoginFlow;
import dev.jlogin.testing.FakeAuthorizationServer;
import dev.jlogin.testing.TestBrowser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser login (RFC 8252: authorization code, PKCE, state, loopback redirect) through the
 * library against the fake server, which checks the PKCE verifier, the redirect URI and the
 * code's single use as RFC 6749 §4.1.3 and RFC 7636 §4.6 say; a test browser plays the person.
 */
class BrowserLoginTest {
    private final FakeAuthorizationServer server = new FakeAuthorizationServer();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private final Map<String, String> variables = new HashMap<>();

    @TempDir
    Path home;

    @AfterEach
    void stop() {
        server.close();
    }

    private JLoginBuilder configured(BrowserLauncher browser) {
        server.offerBrowserLogin();
        variables.put("JLOGIN_HOME", home.toString());
        Properties properties = new Properties();
        properties.setProperty("jlogin.issuer", server.issuer());
        properties.setProperty("jlogin.client-id", "cli");
        return JLogin.builder().environment(variables, properties).notices(notices::add).browser(() -> browser)
                .prompts(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @Test
    void aBrowserLoginWithPkceAndStateGivesTokensThatRefreshAndRevoke() throws Exception {
        TestBrowser browser = new TestBrowser();
        JLogin jl = configured(browser).build();

        Login login = jl.login();

        assertThat(login.identity().email()).contains("alice@example.com");
        URI link = browser.opened().get(0);
        assertThat(link.getPath()).endsWith("/authorize");
        assertThat(link.getQuery()).contains("response_type=code", "client_id=cli", "code_challenge_method=S256",
                "redirect_uri=http://127.0.0.1:", "/callback", "state=");
        assertThat(TestBrowser.queryParameter(link, "scope")).isEqualTo("openid profile email");
        assertThat(TestBrowser.queryParameter(link, "state")).hasSize(43); // 32 random bytes, base64url
        // the server saw the verifier of the challenge it was sent (it refuses otherwise), and no secret in the link
        FakeAuthorizationServer.Request exchange = server.requests().stream()
                .filter(r -> "authorization_code".equals(r.grantType())).findFirst().orElseThrow();
        assertThat(exchange.form()).containsKeys("code", "code_verifier", "redirect_uri").doesNotContainKey("client_secret");
        assertThat(link.toString()).doesNotContain(exchange.form().get("code_verifier"));
        HttpResponse<String> page = browser.page();
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("You are logged in").doesNotContain(exchange.form().get("code"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("A browser was opened to log in");

        String token = jl.token().value().reveal();
        assertThat(server.accepts(token)).isTrue();
        assertThat(jl.refresh().expiresAt()).isPresent();
        jl.revoke();
        assertThat(jl.parts().store().read("default")).isEmpty();
    }

    @Test
    void aDenialEndsTheLoginAsDeniedAndTheBrowserIsToldSo() throws Exception {
        server.denyInBrowser();
        TestBrowser browser = new TestBrowser();
        JLogin jl = configured(browser).build();

        assertThatThrownBy(jl::login).isInstanceOfSatisfying(JLoginException.class, e -> {
            assertThat(e.kind()).isEqualTo(JLoginException.Kind.DENIED);
            assertThat(e.oauthError()).contains("access_denied");
        });
        assertThat(browser.page().body()).contains("Login failed", "denied");
        assertThat(jl.parts().store().read("default")).isEmpty();
    }

    /** Another local process cannot end or take over the login: an answer without the state is turned away. */
    @Test
    void anAnswerWithAnotherStateIsIgnoredAndTheLoginGoesOn() throws Exception {
        TestBrowser idle = TestBrowser.idle();
        JLogin jl = configured(idle).flow(LoginFlow.BROWSER).build();
        CompletableFuture<Login> login = jl.loginAsync();
        await().atMost(Duration.ofSeconds(20)).until(() -> !idle.opened().isEmpty());
        URI link = idle.opened().get(0);
        String redirect = TestBrowser.queryParameter(link, "redirect_uri");

        HttpResponse<String> forged = TestBrowser.get(URI.create(redirect + "?error=access_denied&state=guessed"));
        HttpResponse<String> noState = TestBrowser.get(URI.create(redirect + "?code=stolen"));
        HttpResponse<String> otherPath = TestBrowser.get(URI.create(redirect.replace("/callback", "/") + "?state=" + TestBrowser.queryParameter(link, "state")));

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(noState.statusCode()).isEqualTo(400);
        assertThat(otherPath.statusCode()).isEqualTo(404);
        assertThat(login).isNotDone();
        // the real browser comes back: the login completes
        TestBrowser browser = new TestBrowser();
        browser.open(link);
        assertThat(login.get().identity().email()).contains("alice@example.com");
        assertThat(browser.page().statusCode()).isEqualTo(200);
    }

    @Test
    void aLoginWhoseBrowserNeverComesBackTimesOut() {
        variables.put("JLOGIN_BROWSER_TIMEOUT", "1");
        JLogin jl = configured(TestBrowser.idle()).build();

        assertThatThrownBy(jl::login).isInstanceOfSatisfying(JLoginException.class,
                e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.EXPIRED)).hasMessageContaining("within 1 seconds");
    }

    @Test
    void cancellingTheLoginEndsItAsCancelledAndStopsListening() throws Exception {
        TestBrowser idle = TestBrowser.idle();
        JLogin jl = configured(idle).build();
        CompletableFuture<Login> login = jl.loginAsync();
        await().atMost(Duration.ofSeconds(20)).until(() -> !idle.opened().isEmpty());
        URI redirect = URI.create(TestBrowser.queryParameter(idle.opened().get(0), "redirect_uri"));

        login.cancel(true);

        assertThatThrownBy(login::join).isInstanceOf(CancellationException.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> !TestBrowser.listening(redirect));
    }

    @Test
    void theAnswersIssuerIsCheckedWhereTheServerNamesIt() {
        server.sendIssuerParameter(server.issuer());
        assertThat(configured(new TestBrowser()).build().login().identity().email()).contains("alice@example.com");

        server.sendIssuerParameter("https://other.example");
        assertThatThrownBy(configured(new TestBrowser()).build()::login).isInstanceOfSatisfying(JLoginException.class,
                e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.SERVER)).hasMessageContaining("another issuer");

        server.sendIssuerParameter(null);
        assertThatThrownBy(configured(new TestBrowser()).build()::login).hasMessageContaining("names no issuer");
    }

    @Test
    void autoChoosesTheDeviceFlowWhereNoBrowserCanBeOpenedAndTheBrowserWhereOneCan() {
        JLogin desktop = configured(new TestBrowser()).build();
        JLogin overSsh = configured(BrowserLauncher.unavailable("this is an SSH session")).build();
        var metadata = desktop.parts().metadata().resolve(desktop.parts().loginSettings());

        assertThat(desktop.parts().flow(desktop.parts().loginSettings(), metadata)).isEqualTo(LoginFlow.BROWSER);
        assertThat(overSsh.parts().flow(overSsh.parts().loginSettings(), metadata)).isEqualTo(LoginFlow.DEVICE);
        // the environment's own opener: over SSH there is none, whatever the display
        Map<String, String> ssh = Map.of("DISPLAY", ":0", "SSH_CONNECTION", "10.0.0.1 22 10.0.0.2 50000");
        assertThat(BrowserLauncher.system("Linux", ssh).available()).isFalse();
        assertThat(BrowserLauncher.system("Linux", Map.of("DISPLAY", ":0")).available()).isTrue();
        variables.put("SSH_CONNECTION", "10.0.0.1 22 10.0.0.2 50000");
        variables.put("DISPLAY", ":0");
        JLogin systemOpener = JLogin.builder().environment(variables, new Properties()).build();
        assertThat(systemOpener.parts().flow(desktop.parts().loginSettings(), metadata)).isEqualTo(LoginFlow.DEVICE);
    }

    @Test
    void aServerWithoutAnAuthorizationEndpointIsLoggedInWithTheDeviceFlowUnlessTheBrowserIsAskedFor() {
        JLogin jl = configured(new TestBrowser()).build();
        var deviceOnly = new dev.jlogin.oauth.ServerMetadata(server.issuer(), URI.create(server.issuer() + "/device"),
                URI.create(server.issuer() + "/token"), java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty());
        assertThat(jl.parts().flow(jl.parts().loginSettings(), deviceOnly)).isEqualTo(LoginFlow.DEVICE);

        JLogin browserOnly = configured(new TestBrowser()).flow(LoginFlow.BROWSER).build();
        assertThatThrownBy(() -> browserOnly.parts().browserFlow(browserOnly.parts().loginSettings()).run(browserOnly.parts().loginSettings(),
                deviceOnly, LoginListener.printing(System.err))).isInstanceOfSatisfying(JLoginException.class,
                e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.CONFIGURATION)).hasMessageContaining("--device");
    }

    @Test
    void aRegisteredPortIsUsedAndOneInUseIsAConfigurationError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            variables.put("JLOGIN_REDIRECT_PORT", String.valueOf(taken.getLocalPort()));
            JLogin jl = configured(new TestBrowser()).build();
            assertThatThrownBy(jl::login).isInstanceOfSatisfying(JLoginException.class,
                    e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.CONFIGURATION)).hasMessageContaining("in use");
        }
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            free = probe.getLocalPort();
        }
        variables.put("JLOGIN_REDIRECT_PORT", String.valueOf(free));
        TestBrowser browser = new TestBrowser();
        configured(browser).build().login();
        assertThat(TestBrowser.queryParameter(browser.opened().get(0), "redirect_uri")).isEqualTo("http://127.0.0.1:" + free + "/callback");
    }

    @Test
    void presetsThatMatchCallbackUrlsExactlyNeedTheRegisteredPort() {
        variables.put("JLOGIN_PROVIDER", "okta");
        JLogin auto = configured(new TestBrowser()).build();
        assertThat(auto.parts().flow(auto.parts().loginSettings(), auto.parts().metadata().resolve(auto.parts().loginSettings()))).isEqualTo(LoginFlow.DEVICE);

        variables.put("JLOGIN_FLOW", "browser");
        JLogin jl = configured(new TestBrowser()).build();
        assertThatThrownBy(jl::login).isInstanceOfSatisfying(JLoginException.class,
                e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.CONFIGURATION))
                .hasMessageContaining("JLOGIN_REDIRECT_PORT").hasMessageContaining("http://127.0.0.1:PORT/callback")
                .hasMessageEndingWith("JLOGIN_FLOW=device)");
    }

}
