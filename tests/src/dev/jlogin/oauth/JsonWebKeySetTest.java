package dev.jlogin.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jlogin.json.MalformedJsonException;
import dev.jlogin.testing.SigningKeys;
import java.security.KeyPairGenerator;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** JWK sets as RFC 7517 §4-5 and RFC 7518 §6 define them, read strictly. */
class JsonWebKeySetTest {
    private static final Map<String, Object> RSA = SigningKeys.jwk("r", SigningKeys.rsa(), "RS256");
    private static final Map<String, Object> EC = SigningKeys.jwk("e", SigningKeys.ec(), null);

    private static Map<String, Object> with(Map<String, Object> jwk, String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(jwk);
        copy.put(name, value);
        return copy;
    }

    @Test
    void rsaAndP256KeysAreReadAndMatchedByAlgorithmAndKid() throws Exception {
        JsonWebKeySet keys = JsonWebKeySet.parse(SigningKeys.jwks(RSA, EC));

        assertThat(keys.candidates(JwsAlgorithm.RS256, Optional.of("r"))).singleElement()
                .satisfies(k -> assertThat(k.key()).isEqualTo(SigningKeys.rsa().getPublic()));
        assertThat(keys.candidates(JwsAlgorithm.PS256, Optional.of("r"))).isEmpty();
        assertThat(keys.candidates(JwsAlgorithm.ES256, Optional.empty())).singleElement()
                .satisfies(k -> assertThat(k.key()).isEqualTo(SigningKeys.ec().getPublic()));
    }

    /** RFC 7517 §5: keys of unknown types are ignored; encryption keys and other curves cannot check a JWS from us. */
    @Test
    void encryptionKeysOtherTypesAndCurvesAreSkipped() throws Exception {
        Map<String, Object> oct = Map.of("kty", "oct", "k", "c2VjcmV0");
        Map<String, Object> okp = Map.of("kty", "OKP", "crv", "Ed25519", "x", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo");
        Map<String, Object> p384 = with(EC, "crv", "P-384");

        JsonWebKeySet keys = JsonWebKeySet.parse(SigningKeys.jwks(with(RSA, "use", "enc"), oct, okp, p384));

        assertThat(keys.candidates(JwsAlgorithm.RS256, Optional.empty())).isEmpty();
        assertThat(keys.candidates(JwsAlgorithm.ES256, Optional.empty())).isEmpty();
    }

    @Test
    void aPointOffTheCurveOrShortCoordinatesAreRefused() {
        String x = EC.get("x").toString();
        String flipped = (x.charAt(0) == 'A' ? 'B' : 'A') + x.substring(1);

        assertThatThrownBy(() -> JsonWebKeySet.parse(SigningKeys.jwks(with(EC, "x", flipped))))
                .isInstanceOf(MalformedJsonException.class).hasMessageContaining("not a point on the curve");
        assertThatThrownBy(() -> JsonWebKeySet.parse(SigningKeys.jwks(with(EC, "x", "AAAA"))))
                .isInstanceOf(MalformedJsonException.class).hasMessageContaining("32 octets");
    }

    /** RFC 7518 §3.3: RSA keys of 2048 bits or more. */
    @Test
    void aShortRsaKeyOrABadExponentIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        Map<String, Object> small = SigningKeys.jwk("s", generator.generateKeyPair(), null);

        assertThatThrownBy(() -> JsonWebKeySet.parse(SigningKeys.jwks(small))).hasMessageContaining("2048");
        assertThatThrownBy(() -> JsonWebKeySet.parse(SigningKeys.jwks(with(RSA, "e", "AQ")))).hasMessageContaining("exponent");
    }

    @Test
    void paddingWrongTypesAndHugeSetsAreRefused() {
        assertThatThrownBy(() -> JsonWebKeySet.parse(SigningKeys.jwks(with(RSA, "e", "AQAB==")))).hasMessageContaining("padding");
        assertThatThrownBy(() -> JsonWebKeySet.parse(SigningKeys.jwks(with(RSA, "kid", 7)))).hasMessageContaining("'kid'");
        assertThatThrownBy(() -> JsonWebKeySet.parse("{\"keys\":[1]}")).hasMessageContaining("only objects");
        assertThatThrownBy(() -> JsonWebKeySet.parse("{}")).hasMessageContaining("'keys'");
        @SuppressWarnings("unchecked")
        Map<String, Object>[] many = Collections.nCopies(JsonWebKeySet.MAX_KEYS + 1, RSA).toArray(new Map[0]);
        assertThatThrownBy(() -> JsonWebKeySet.parse(SigningKeys.jwks(many))).hasMessageContaining("more than");
    }
}
