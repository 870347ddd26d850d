package dev.jlogin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.testing.PrivateCa;
import dev.jlogin.testing.Tinyproxy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A login over HTTPS to a server whose certificate a private CA signed (trusted through
 * --ca-file / JLOGIN_CA_FILE, and only then), through Debian's tinyproxy as https_proxy, and
 * around it for hosts in no_proxy.
 */
class NetworkTest {
    @TempDir
    static Path shared;
    private static PrivateCa ca;
    private static Tinyproxy proxy;

    @TempDir
    Path home;
    private CliHarness cli;

    @BeforeAll
    static void startProxy() throws Exception {
        ca = new PrivateCa(Files.createDirectory(shared.resolve("ca")));
        proxy = new Tinyproxy(Files.createDirectory(shared.resolve("proxy")));
    }

    @AfterAll
    static void stopProxy() throws Exception {
        proxy.close();
    }

    @BeforeEach
    void start() {
        cli = new CliHarness(home, ca.serverTls());
    }

    @AfterEach
    void stop() {
        cli.close();
    }

    private String connectLine() {
        return "CONNECT 127.0.0.1:" + cli.server.base().substring(cli.server.base().lastIndexOf(':') + 1);
    }

    @Test
    void theCaFileIsTrustedAndNothingElse() {
        CliHarness.Result untrusted = cli.login();
        assertThat(untrusted.exit()).as(untrusted.err()).isEqualTo(6);

        cli.env.put("JLOGIN_CA_FILE", ca.caFile().toString());
        CliHarness.Result trusted = cli.login();
        assertThat(trusted.exit()).as(trusted.err()).isZero();
        assertThat(trusted.out()).contains("Logged in to https://127.0.0.1:");
    }

    @Test
    void theCaFileFlagWorksLikeTheVariable() {
        CliHarness.Result result = cli.login("--ca-file", ca.caFile().toString());

        assertThat(result.exit()).as(result.err()).isZero();
    }

    @Test
    void aCaFileThatHoldsNoCertificateIsAConfigurationError() throws Exception {
        cli.env.put("JLOGIN_CA_FILE", Files.writeString(home.resolve("empty.pem"), "").toString());

        CliHarness.Result result = cli.login();

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("CA file").contains("JLOGIN_CA_FILE");
    }

    @Test
    void requestsGoThroughTheHttpsProxy() throws Exception {
        cli.env.put("JLOGIN_CA_FILE", ca.caFile().toString());
        cli.env.put("https_proxy", proxy.url());

        CliHarness.Result result = cli.login();

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(proxy.log()).contains(connectLine());
    }

    @Test
    void noProxyHostsAreReachedDirectly() throws Exception {
        cli.env.put("JLOGIN_CA_FILE", ca.caFile().toString());
        cli.env.put("HTTPS_PROXY", proxy.url());
        cli.env.put("NO_PROXY", "localhost,127.0.0.1");

        CliHarness.Result result = cli.login();

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(proxy.log()).doesNotContain(connectLine());
    }

    @Test
    void plainHttpToLoopbackGoesThroughTheHttpProxy() throws Exception {
        try (CliHarness http = new CliHarness(home)) {
            http.env.put("HTTP_PROXY", proxy.url());

            CliHarness.Result result = http.login();

            assertThat(result.exit()).as(result.err()).isZero();
            assertThat(proxy.log()).contains("GET " + http.server.issuer() + "/.well-known/openid-configuration");
        }
    }

    @Test
    void anUnreachableProxyIsANetworkError() {
        cli.env.put("JLOGIN_CA_FILE", ca.caFile().toString());
        cli.env.put("https_proxy", "http://127.0.0.1:1");

        CliHarness.Result result = cli.login();

        assertThat(result.exit()).isEqualTo(6);
        assertThat(cli.server.requests()).isEmpty();
    }
}
