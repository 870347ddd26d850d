package dev.jlogin.testing;

import dev.jlogin.json.Json;
import java.util.ArrayList;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * Inputs for fuzzing the parsers: JSON objects that use the field names a parser looks for, with
 * values of every type and the values that broke clients before (CR/LF, escape sequences, 2^63-1,
 * numbers beyond a double, links to elsewhere), those documents cut short or with a character
 * changed, and arbitrary text. Written from the attacker's side, not from the parsers' code.
 */
public final class HostileDocuments {
    private static final List<String> STRINGS = List.of("", " ", "AT-1\r\nX-Injected: yes", "a\nHost: evil.example",
            "\u001b[2J\u001b]0;title\u0007", "\u202etxt.exe", "\u0000", "\ud800", "https://evil.example/token",
            "http://cafe/device", "http://127.0.0.1:1/token", "javascript:alert(1)", "file:///etc/passwd", "https://",
            "https://idp.example/realms/acme", "https://idp.example/realms/acme/", "Bearer", "bearer", "DPoP", "N_A",
            "authorization_pending", "slow_down", "access_denied", "expired_token", "invalid_grant",
            "2026-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "not a time",
            "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.", "%00", "..", "../../etc", "x".repeat(5000));
    private static final List<String> NUMBERS = List.of("0", "-0", "1", "-1", "5", "600", "9223372036854775807",
            "-9223372036854775808", "9223372036854775808", "99999999999999999999999999", "1e999", "-1e999", "1.5",
            "1e2", "0.0000001", "4.9e-324", "1000000000");

    private HostileDocuments() {
    }

    /**
     * Documents aimed at a parser that accepts {@code valid}: each of its members kept, replaced by
     * a hostile value or dropped; those documents cut short or with a character changed; and
     * arbitrary text.
     */
    public static Arbitrary<String> aimedAt(Map<String, ?> valid) {
        List<Arbitrary<String>> members = new ArrayList<>();
        for (Map.Entry<String, ?> field : valid.entrySet()) {
            String name = Json.write(field.getKey()) + ":";
            members.add(Arbitraries.frequencyOf(
                    Tuple.of(17, Arbitraries.just(name + Json.write(field.getValue()))),
                    Tuple.of(2, value(0).map(v -> name + v)),
                    Tuple.of(1, Arbitraries.just(""))));
        }
        members.add(Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just("")),
                Tuple.of(1, object(1).map(o -> o.substring(1, o.length() - 1))))); // unknown extra members
        Arbitrary<String> documents = Combinators.combine(members).as(list -> "{" + list.stream()
                .filter(m -> !m.isEmpty()).collect(Collectors.joining(",")) + "}");
        return Arbitraries.frequencyOf(
                Tuple.of(6, documents),
                Tuple.of(3, mutated(documents)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(60)));
    }

    /**
     * Compact JWTs: three base64url parts whose header and payload are {@link #aimedAt} (now and
     * then padded, or with a non-UTF-8 byte), or arbitrary text with dots.
     */
    public static Arbitrary<String> jwts(Map<String, ?> header, Map<String, ?> claims) {
        Arbitrary<String> raw = Arbitraries.strings().withChars("ABCabc012-_=.+/ \n").ofMaxLength(40);
        Arbitrary<String> signature = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().withChars("ABCabc012-_").ofMaxLength(90)), Tuple.of(1, raw));
        return Arbitraries.frequencyOf(
                Tuple.of(6, Combinators.combine(base64(aimedAt(header)), base64(aimedAt(claims)), signature)
                        .as((h, p, s) -> h + "." + p + "." + s)),
                Tuple.of(1, raw.filter(s -> !s.isEmpty())));
    }

    private static Arbitrary<String> base64(Arbitrary<String> documents) {
        return Combinators.combine(documents, Arbitraries.integers().between(0, 19)).as((text, how) -> {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (how == 0 && bytes.length > 0) {
                bytes[bytes.length / 2] = (byte) 0xC3; // a lead byte without its continuation
            }
            String encoded = how == 1 ? Base64.getUrlEncoder().encodeToString(bytes)
                    : Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            return how == 2 ? encoded.replace('-', '+') : encoded;
        });
    }

    /** Any characters, now and then a lone surrogate (which strict JSON readers refuse). */
    private static net.jqwik.api.arbitraries.StringArbitrary text() {
        return Arbitraries.strings().withCharRange('\u0000', '\ud7ff').withCharRange('\ue000', '\uffff')
                .withChars('\ud800', '\udfff');
    }

    private static Arbitrary<String> mutated(Arbitrary<String> documents) {
        return Combinators.combine(documents, Arbitraries.integers().between(0, 3), Arbitraries.integers().greaterOrEqual(0),
                Arbitraries.chars().all()).as((text, how, at, c) -> {
                    int i = text.isEmpty() ? 0 : at % text.length();
                    switch (how) {
                        case 0: return text.substring(0, i);
                        case 1: return text.substring(0, i) + c + text.substring(i);
                        case 2: return text.isEmpty() ? text : text.substring(0, i) + text.substring(i + 1);
                        default: return text.isEmpty() ? text : text.substring(0, i) + c + text.substring(i + 1);
                    }
                });
    }

    /** An object of hostile values whose names (some of them the usual OAuth names) are unique, as JSON wants. */
    private static Arbitrary<String> object(int depth) {
        Arbitrary<String> name = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("issuer", "sub", "access_token", "token_type", "expires_in", "interval", "error")),
                Tuple.of(1, text().ofMaxLength(8)));
        return Combinators.combine(name, Arbitraries.lazy(() -> value(depth))).as(Tuple::of).list().ofMaxSize(3)
                .uniqueElements(Tuple2::get1)
                .map(members -> "{" + members.stream().map(m -> Json.write(m.get1()) + ":" + m.get2())
                        .collect(Collectors.joining(",")) + "}");
    }

    private static Arbitrary<String> value(int depth) {
        List<Tuple2<Integer, Arbitrary<String>>> kinds = new ArrayList<>(List.of(
                Tuple.of(4, Arbitraries.of(STRINGS).map(Json::write)),
                Tuple.of(2, text().ofMaxLength(20).map(Json::write)),
                Tuple.of(4, Arbitraries.of(NUMBERS)),
                Tuple.of(2, Arbitraries.longs().map(String::valueOf)),
                Tuple.of(1, Arbitraries.of("true", "false", "null"))));
        if (depth < 2) {
            kinds.add(Tuple.of(1, Arbitraries.lazy(() -> object(depth + 1))));
            kinds.add(Tuple.of(1, Arbitraries.lazy(() -> value(depth + 1)).list().ofMaxSize(3)
                    .map(items -> "[" + String.join(",", items) + "]")));
        }
        return Arbitraries.frequencyOf(kinds);
    }
}
