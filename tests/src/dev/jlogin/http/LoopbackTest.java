package dev.jlogin.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain http is allowed only to loopback, decided from the URL alone: literal loopback addresses
 * and {@code localhost}. A name is never looked up, or whoever answers for it (a DNS server, a
 * hosts file) would decide where tokens go unencrypted.
 */
class LoopbackTest {

    @Test
    void literalLoopbackAddressesAndLocalhostAreLoopback() {
        for (String host : new String[] {"localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "[::1]", "::1",
                "[0:0:0:0:0:0:0:1]", "[::ffff:127.0.0.1]"}) {
            assertThat(Loopback.is(host)).as(host).isTrue();
        }
    }

    @Test
    void everythingElseIsNot() {
        for (String host : new String[] {"cafe", "beef", "dead", "abc", "127.example.com", "10.0.0.1", "128.0.0.1",
                "127.0.0.256", "1.2.3.4.5", "127", "::1::2", "[::1", "[::2]", "[fe80::1]", "localhost.evil.example", ""}) {
            assertThat(Loopback.is(host)).as(host).isFalse();
        }
    }

    /** A hosts file that maps hex-looking names to 127.0.0.1 stands in for DNS: it must not be asked. */
    @Test
    void hexLookingNamesAreNotResolved(@TempDir Path dir) throws Exception {
        Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.1 cafe beef dead\n");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djdk.net.hosts.file=" + hosts, "-cp", System.getProperty("java.class.path"), PrintLoopback.class.getName(),
                "cafe", "beef", "dead").redirectErrorStream(true).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(output).isEqualTo("cafe false\nbeef false\ndead false\n");
    }

    /** Run in a child JVM by the test above, whose name service is the given hosts file. */
    public static final class PrintLoopback {
        public static void main(String[] args) {
            for (String host : args) {
                System.out.println(host + " " + Loopback.is(host));
            }
        }
    }
}
