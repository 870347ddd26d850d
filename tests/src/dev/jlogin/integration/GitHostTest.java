package dev.jlogin.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jlogin.JLoginException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which of git's requests (its protocol and host attributes) a configured host answers. */
class GitHostTest {
    @Test
    void aHostWithoutPortMeansTheDefaultPortOfHttps() {
        GitHost host = GitHost.parse("Git.Acme.COM").orElseThrow();

        assertThat(host.serves("https", "git.acme.com")).isTrue();
        assertThat(host.serves("https", "git.acme.com:443")).isTrue();
        assertThat(host.serves("https", "git.acme.com:8443")).isFalse();
        assertThat(host.serves("https", "git.acme.com.evil.com")).isFalse();
        assertThat(host.serves("https", "evilgit.acme.com")).isFalse();
        assertThat(host.serves("http", "git.acme.com")).isFalse();
        assertThat(host.serves("ssh", "git.acme.com")).isFalse();
        assertThat(host.serves("https", "")).isFalse();
    }

    /** A server's URL is what a user has at hand; http:// would send the token in clear text, so loopback only. */
    @Test
    void aHostMayBeGivenAsItsUrlAndPlainHttpOnlyForLoopback() {
        assertThat(GitHost.parseList("https://git.acme.com/, http://127.0.0.1:3000, HTTPS://code.acme.com:8443"))
                .extracting(GitHost::toString).containsExactly("git.acme.com", "127.0.0.1:3000", "code.acme.com:8443");
        assertThatThrownBy(() -> GitHost.parseList("http://git.acme.com")).isInstanceOf(JLoginException.class)
                .hasMessageContaining("must use https");
        assertThatThrownBy(() -> GitHost.parseList("https://git.acme.com/org/repo")).isInstanceOf(JLoginException.class)
                .hasMessageContaining("is not host, host:port or its https:// URL");
    }

    @Test
    void aPortMustMatchAndPlainHttpIsOnlyForLoopback() {
        assertThat(GitHost.parse("127.0.0.1:8080").orElseThrow().serves("http", "127.0.0.1:8080")).isTrue();
        assertThat(GitHost.parse("127.0.0.1:8080").orElseThrow().serves("http", "127.0.0.1:8081")).isFalse();
        assertThat(GitHost.parse("localhost:8080").orElseThrow().serves("http", "localhost:8080")).isTrue();
        assertThat(GitHost.parse("[::1]:8080").orElseThrow().serves("http", "[::1]:8080")).isTrue();
        assertThat(GitHost.parse("git.acme.com:8080").orElseThrow().serves("http", "git.acme.com:8080")).isFalse();
        assertThat(GitHost.parse("git.acme.com:8443").orElseThrow().serves("https", "git.acme.com:8443")).isTrue();
    }

    @Test
    void onlyHostAndPortAreAccepted() {
        for (String bad : List.of("https://git.acme.com", "git.acme.com/path", "alice@git.acme.com", "git.acme.com:x", "",
                "git.acme.com?x", "a b")) {
            assertThat(GitHost.parse(bad)).as(bad).isEmpty();
        }
        assertThat(GitHost.parse("git.acme.com:8443")).contains(new GitHost("git.acme.com", Optional.of(8443)));
        assertThat(GitHost.parse("[::1]:8080").orElseThrow()).hasToString("[::1]:8080");
    }

    @Test
    void aListIsCommaSeparatedAndABadEntryIsAConfigurationError() {
        assertThat(GitHost.parseList(" a.example , b.example:444,,")).extracting(GitHost::toString)
                .containsExactly("a.example", "b.example:444");
        assertThatThrownBy(() -> GitHost.parseList("a.example,alice@b.example"))
                .isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.CONFIGURATION))
                .hasMessageContaining("alice@b.example");
    }
}
