package dev.jlogin.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The signatures of RFC 7515's own examples, checked by the same code that checks ID tokens: the
 * tests' other tokens are signed with the JDK primitives the verifier uses, so only published
 * vectors show that it reads JWS as the RFC writes it (base64url, the signing input, RS256's
 * PKCS #1 v1.5, ES256's 64-byte R||S rather than DER).
 */
class JoseVectorsTest {
    /** RFC 7515 A.2 and A.3: {"iss":"joe",\r\n "exp":1300819380,\r\n "http://example.com/is_root":true}. */
    private static final String PAYLOAD = "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ";

    /** RFC 7515 A.2.1: the RSA key's public part. */
    private static final String RSA_KEY = "{\"keys\":[{\"kty\":\"RSA\",\"e\":\"AQAB\",\"n\":\""
            + "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pC"
            + "gNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665x"
            + "smtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ\"}]}";
    /** RFC 7515 A.2.1: the JWS Compact Serialization. */
    private static final String RS256 = "eyJhbGciOiJSUzI1NiJ9." + PAYLOAD + "."
            + "cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1d"
            + "nZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwus"
            + "C-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw";

    /** RFC 7515 A.3.1: the P-256 key's public part. */
    private static final String EC_KEY = "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\","
            + "\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\",\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}]}";
    /** RFC 7515 A.3.1: the JWS Compact Serialization (ECDSA is randomised; this is the RFC's one signature). */
    private static final String ES256 = "eyJhbGciOiJFUzI1NiJ9." + PAYLOAD + "."
            + "DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q";

    private static boolean verifies(JwsAlgorithm alg, String keys, String compact) throws Exception {
        SignedJwt jwt = SignedJwt.parse(compact);
        return JsonWebKeySet.parse(keys).candidates(alg, Optional.empty()).stream()
                .anyMatch(key -> alg.verify(key.key(), jwt.signingInput(), jwt.signature()));
    }

    @Test
    void rfc7515A2Rs256Verifies() throws Exception {
        SignedJwt jwt = SignedJwt.parse(RS256);

        assertThat(verifies(JwsAlgorithm.RS256, RSA_KEY, RS256)).isTrue();
        assertThat(jwt.claims().requireString("iss")).isEqualTo("joe");
        assertThat(jwt.claims().integer("exp")).hasValue(1300819380L);
        assertThat(new String(jwt.signingInput(), StandardCharsets.US_ASCII)).isEqualTo("eyJhbGciOiJSUzI1NiJ9." + PAYLOAD);
    }

    @Test
    void rfc7515A3Es256Verifies() throws Exception {
        assertThat(SignedJwt.parse(ES256).signature()).hasSize(64);
        assertThat(verifies(JwsAlgorithm.ES256, EC_KEY, ES256)).isTrue();
    }

    /** One bit off anywhere (signature, payload) and the RFC's examples fail, as they must. */
    @Test
    void theVectorsFailWhenAnythingChanges() throws Exception {
        assertThat(verifies(JwsAlgorithm.RS256, RSA_KEY, flipLast(RS256))).isFalse();
        assertThat(verifies(JwsAlgorithm.ES256, EC_KEY, flipLast(ES256))).isFalse();
        String otherPayload = ES256.replace(PAYLOAD, "eyJpc3MiOiJqYW4ifQ"); // {"iss":"jan"}
        assertThat(otherPayload).isNotEqualTo(ES256);
        assertThat(verifies(JwsAlgorithm.ES256, EC_KEY, otherPayload)).isFalse();
        assertThat(verifies(JwsAlgorithm.RS256, EC_KEY, RS256)).isFalse();
    }

    /** The compact form with its signature's last base64url character changed. */
    private static String flipLast(String compact) {
        char[] chars = compact.toCharArray();
        chars[chars.length - 2] = chars[chars.length - 2] == 'A' ? 'B' : 'A';
        return new String(chars);
    }
}
