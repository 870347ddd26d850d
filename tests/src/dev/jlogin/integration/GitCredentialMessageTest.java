package dev.jlogin.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jlogin.JLoginException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The wire format of {@code git help credential}: key=value lines, a blank line or EOF ends them. */
class GitCredentialMessageTest {
    private static GitCredentialMessage read(String text) throws IOException {
        return GitCredentialMessage.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void attributesUpToTheBlankLineOrTheEnd() throws IOException {
        GitCredentialMessage message = read("protocol=https\nhost=git.acme.com:8443\npath=a/b=c.git\nusername=\n\nhost=later\n");

        assertThat(message.get("protocol")).contains("https");
        assertThat(message.get("host")).contains("git.acme.com:8443");
        assertThat(message.get("path")).contains("a/b=c.git");
        assertThat(message.get("username")).contains("");
        assertThat(message.get("password")).isEmpty();
        assertThat(read("protocol=https\nhost=x").get("host")).contains("x");
        assertThat(read("").get("host")).isEmpty();
    }

    @Test
    void readingStopsAtTheBlankLineWithoutWaitingForTheEnd() throws IOException {
        InputStream neverEnding = new InputStream() {
            private final byte[] request = "protocol=https\nhost=h\n\n".getBytes(StandardCharsets.UTF_8);
            private int next;

            @Override
            public int read() {
                if (next < request.length) {
                    return request[next++];
                }
                throw new AssertionError("read past the blank line");
            }
        };

        assertThat(GitCredentialMessage.read(neverEnding).get("host")).contains("h");
    }

    @Test
    void aLineWithoutKeyOrEqualsOrWithANulIsMalformed() {
        for (String bad : new String[] {"protocol=https\nhost\n\n", "=x\n", "a=b\0c\n", "k=" + "v".repeat(GitCredentialMessage.MAX_BYTES)}) {
            assertThatThrownBy(() -> read(bad)).isInstanceOfSatisfying(JLoginException.class,
                    e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.CONFIGURATION));
        }
    }

    @Test
    void anAnswerIsOneLinePerAttributeAndNothingCanBreakALine() {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("username", "oauth2");
        answer.put("password", "a=b");
        assertThat(GitCredentialMessage.format(answer)).isEqualTo("username=oauth2\npassword=a=b\n");

        for (Map<String, String> bad : new Map[] {Map.of("password", "x\nhost=evil"), Map.of("password", "x\0"),
                Map.of("pass=word", "x"), Map.of("", "x")}) {
            assertThatThrownBy(() -> GitCredentialMessage.format(bad)).isInstanceOf(JLoginException.class)
                    .hasMessageNotContaining("evil");
        }
    }
}
