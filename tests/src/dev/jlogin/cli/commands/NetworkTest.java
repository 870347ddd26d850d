package dev.jlogin.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.cli.CliHarness;
import dev.jlogin.testing.FullTier;
import dev.jlogin.testing.PrivateCa;
import dev.jlogin.testing.Tinyproxy;
import java.io.RandomAccessFile;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A login over HTTPS to a server whose certificate a private CA signed (trusted through
 * --ca-file / JLOGIN_CA_FILE, and only then), through Debian's tinyproxy as https_proxy, and
 * around it for hosts in no_proxy and for loopback. Loopback never goes through a proxy, so the
 * server listens on one of this machine's other addresses.
 */
@FullTier
class NetworkTest {
    @TempDir
    static Path shared;
    private static InetAddress host;
    private static PrivateCa ca;
    private static Tinyproxy proxy;

    @TempDir
    Path home;
    private CliHarness cli;

    @BeforeAll
    static void startProxy() throws Exception {
        host = nonLoopbackAddress();
        ca = new PrivateCa(Files.createDirectory(shared.resolve("ca")), host);
        proxy = new Tinyproxy(Files.createDirectory(shared.resolve("proxy")));
    }

    @AfterAll
    static void stopProxy() throws Exception {
        proxy.close();
    }

    @BeforeEach
    void start() {
        cli = new CliHarness(home, ca.serverTls(), host);
    }

    @AfterEach
    void stop() {
        cli.close();
    }

    private String connectLine() {
        return "CONNECT " + cli.server.base().substring("https://".length());
    }

    /** An IPv4 address of this machine's that is not loopback (CI machines have one on their network interface). */
    private static InetAddress nonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return address;
                    }
                }
            }
        }
        throw new AssertionError("this machine has no IPv4 address but loopback; the proxy tests need one");
    }

    @Test
    void theCaFileIsTrustedAndNothingElse() {
        CliHarness.Result untrusted = cli.login();
        assertThat(untrusted.exit()).as(untrusted.err()).isEqualTo(6);

        cli.env.put("JLOGIN_CA_FILE", ca.caFile().toString());
        CliHarness.Result trusted = cli.login();
        assertThat(trusted.exit()).as(trusted.err()).isZero();
        assertThat(trusted.out()).contains("Logged in to " + cli.server.issuer());
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
        cli.env.put("NO_PROXY", "localhost," + host.getHostAddress());

        CliHarness.Result result = cli.login();

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(proxy.log()).doesNotContain(connectLine());
    }

    /** Plain http only ever reaches loopback; through a proxy, the proxy would see the device code and tokens. */
    @Test
    void loopbackNeverGoesThroughAProxy() throws Exception {
        try (CliHarness http = new CliHarness(home)) {
            http.env.put("HTTP_PROXY", proxy.url());
            http.env.put("https_proxy", proxy.url());

            CliHarness.Result result = http.login();

            assertThat(result.exit()).as(result.err()).isZero();
            assertThat(proxy.log()).doesNotContain(http.server.issuer());
        }
    }

    @Test
    void aProxyPortOutOfRangeIsAConfigurationError() {
        cli.env.put("JLOGIN_CA_FILE", ca.caFile().toString());
        cli.env.put("https_proxy", "http://127.0.0.1:99999999");

        CliHarness.Result result = cli.login();

        assertThat(result.exit()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains("https_proxy must be http://HOST:PORT with a port from 1 to 65535")
                .doesNotContain("unexpected");
    }

    /** A FIFO would block the open for ever; /dev/zero and a huge sparse file would exhaust the heap. */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aCaFileThatIsNoRegularFileOrTooBigIsRefusedWithoutReadingIt() throws Exception {
        Path fifo = home.resolve("ca.fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Path sparse = home.resolve("sparse.pem");
        try (RandomAccessFile file = new RandomAccessFile(sparse.toFile(), "rw")) {
            file.setLength(3L * 1024 * 1024 * 1024);
        }
        for (String caFile : new String[] {fifo.toString(), "/dev/zero", sparse.toString()}) {
            cli.env.put("JLOGIN_CA_FILE", caFile);

            CliHarness.Result result = cli.login();

            assertThat(result.exit()).as(caFile + ": " + result.err()).isEqualTo(2);
            assertThat(result.err()).contains("cannot use the CA file " + caFile).doesNotContain("Exception");
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
