package dev.jlogin.oauth;

import java.util.Optional;

/**
 * Why a server refused the client itself, as far as its answer tells: it does not know the client
 * id, or it wants the secret of a client it holds to be confidential, or either (RFC 6749 §5.2's
 * {@code invalid_client} covers "unknown client" and "no client authentication included"). A
 * mistyped client id must not send the user looking for a secret, so where the server does not say
 * which, the unknown client id, the likelier mistake, comes first.
 */
public enum ClientRefusal {
    UNKNOWN_CLIENT,
    SECRET_REQUIRED,
    EITHER;

    /**
     * What the codes alone say: {@code invalid_client} is either cause; {@code unauthorized_client}
     * with HTTP 401 is how Keycloak asks a confidential client for its secret (a grant that is not
     * enabled gets 400). {@code httpStatus} is 0 where it is not known.
     */
    static Optional<ClientRefusal> standard(OAuthError error, int httpStatus) {
        if (error.code().equals("invalid_client")) {
            return Optional.of(EITHER);
        }
        return error.code().equals("unauthorized_client") && httpStatus == 401 ? Optional.of(SECRET_REQUIRED) : Optional.empty();
    }

    /** What to check or set, for a client that sent its secret or none; said beside the error's code. */
    String advice(String clientId, boolean sentSecret) {
        String unknown = "the server does not know the client id '" + clientId + "'";
        return switch (this) {
            case UNKNOWN_CLIENT -> unknown + ": check it, and that it is registered with this server";
            case SECRET_REQUIRED -> sentSecret ? "the server refused the client's secret: check it"
                    : "the server holds this client to be confidential and wants its secret: set JLOGIN_CLIENT_SECRET";
            case EITHER -> "either " + unknown + ", so check it, or " + (sentSecret ? "it refused the client's secret"
                    : "the client is confidential and needs its secret: set JLOGIN_CLIENT_SECRET");
        };
    }
}
