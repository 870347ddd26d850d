package dev.jlogin.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jlogin.JLoginException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a token for another API may name: RFC 8707 §2's resource, RFC 8693 §2.1's audience, a scope. */
class TokenRequestTest {

    @Test
    void aResourceIsAnAbsoluteUriWithoutAFragment() {
        assertThat(new TokenRequest(Optional.empty(), Optional.of("https://api.example.com/v1?x=1"), Optional.empty())
                .describe()).isEqualTo("resource https://api.example.com/v1?x=1");
        for (String bad : new String[] {"api.example.com", "/relative", "https://api.example.com/#part", "https://a b/"}) {
            assertThatThrownBy(() -> new TokenRequest(Optional.empty(), Optional.of(bad), Optional.empty())).as(bad)
                    .isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.CONFIGURATION))
                    .hasMessageContaining("RFC 8707");
        }
    }

    @Test
    void valuesAreOneLineOfPrintableTextAndOneOfThemIsGiven() {
        for (String bad : new String[] {"", " ", "orders\napi", "orders\u001b[2J", "x".repeat(2049)}) {
            assertThatThrownBy(() -> TokenRequest.audience(bad)).as(bad).isInstanceOf(JLoginException.class)
                    .hasMessageStartingWith("invalid audience");
            assertThatThrownBy(() -> TokenRequest.scope(bad)).as(bad).hasMessageStartingWith("invalid scope");
        }
        assertThatThrownBy(() -> new TokenRequest(Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(JLoginException.class).hasMessageContaining("audience, a resource or a scope");
    }

    @Test
    void equalRequestsAreOneAndTheirFieldsAreTheParameterNames() {
        assertThat(TokenRequest.audience("orders").withScope("read")).isEqualTo(TokenRequest.audience("orders").withScope("read"))
                .isNotEqualTo(TokenRequest.audience("orders"));
        assertThat(TokenRequest.audience("orders").withScope("read").fields()).containsExactly(
                java.util.Map.entry("audience", "orders"), java.util.Map.entry("scope", "read"));
    }
}
