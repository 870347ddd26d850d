package dev.jlogin.oauth;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How one provider's server departs from RFC 6749/8628 in what it sends, and the plain words for
 * the errors it documents. Everything is off in {@link #STANDARD}; a provider preset turns on only
 * what its server needs, so a standard server is still held to the RFCs.
 *
 * @param untypedBearer a token response without {@code token_type} carries a bearer token
 *                      (WorkOS User Management sends none)
 * @param expiryFromJwt without {@code expires_in}, the access token's expiry is its JWT {@code exp}
 *                      claim (read unverified: it only schedules a refresh)
 * @param userObject    the token response names the user in a {@code user} object with an
 *                      {@code organization_id} beside it (WorkOS), kept as the login's account
 * @param advice        plain words keyed by an {@code error} code, or by the code an error
 *                      description starts with (Entra's {@code AADSTS…} numbers)
 * @param configuration codes, keyed as {@code advice}, that blame the client's registration or the
 *                      tenant's policy beyond {@link OAuthError#blamesConfiguration()}: no retry helps
 */
public record Dialect(boolean untypedBearer, boolean expiryFromJwt, boolean userObject, Map<String, String> advice,
                      Set<String> configuration) {
    public static final Dialect STANDARD = new Dialect(false, false, false, Map.of(), Set.of());

    public Dialect {
        advice = Map.copyOf(advice);
        configuration = Set.copyOf(configuration);
    }

    /** A provider whose errors need only plain words. */
    public Dialect(Map<String, String> advice) {
        this(false, false, false, advice, Set.of());
    }

    /** Whether the error means the configuration must change (exit 2) rather than the server failed. */
    public boolean blamesConfiguration(OAuthError error) {
        return error.blamesConfiguration() || configuration.contains(error.code())
                || error.description().map(OAuthError::leadingCode).filter(configuration::contains).isPresent();
    }

    /**
     * The error's one-line summary with what the provider's documentation says it means right
     * after the code, where a long description (cut short on a terminal) cannot push it out of sight.
     */
    public String explain(OAuthError error) {
        return adviceFor(error).map(a -> error.code() + " (" + a + ")"
                + error.summary().substring(error.code().length())).orElse(error.summary());
    }

    private Optional<String> adviceFor(OAuthError error) {
        return Optional.ofNullable(advice.get(error.code()))
                .or(() -> error.description().map(OAuthError::leadingCode).map(advice::get));
    }
}
