package dev.jlogin.oauth;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

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
 * @param advice        plain words keyed by an {@code error} code, by the code an error
 *                      description starts with (Entra's {@code AADSTS…} numbers), or by the
 *                      description's first line where only the words tell errors apart
 * @param configuration codes, keyed as {@code advice}, that blame the client's registration or the
 *                      tenant's policy beyond {@link OAuthError#blamesConfiguration()}: no retry helps
 * @param refusals      keyed as {@code advice}: the refusals of the client in which the provider
 *                      says whether it does not know the client id or wants its secret, beyond
 *                      what the codes alone say ({@link ClientRefusal#standard})
 */
public record Dialect(boolean untypedBearer, boolean expiryFromJwt, boolean userObject, Map<String, String> advice,
                      Set<String> configuration, Map<String, ClientRefusal> refusals) {
    public static final Dialect STANDARD = new Dialect(false, false, false, Map.of(), Set.of());

    public Dialect {
        advice = Map.copyOf(advice);
        configuration = Set.copyOf(configuration);
        refusals = Map.copyOf(refusals);
    }

    public Dialect(boolean untypedBearer, boolean expiryFromJwt, boolean userObject, Map<String, String> advice,
                   Set<String> configuration) {
        this(untypedBearer, expiryFromJwt, userObject, advice, configuration, Map.of());
    }

    /** A provider whose errors need only plain words. */
    public Dialect(Map<String, String> advice) {
        this(false, false, false, advice, Set.of());
    }

    /** The same, knowing which of its refusals of a client say why (see {@code refusals}). */
    public Dialect withRefusals(Map<String, ClientRefusal> known) {
        return new Dialect(untypedBearer, expiryFromJwt, userObject, advice, configuration, known);
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
        return explain(error, Optional.empty());
    }

    /** The same, with {@code more} of our own words beside the provider's, such as what to do about a refused client. */
    public String explain(OAuthError error, Optional<String> more) {
        List<String> words = Stream.of(adviceFor(error), more).flatMap(Optional::stream).toList();
        return words.isEmpty() ? error.summary()
                : error.code() + " (" + String.join("; ", words) + ")" + error.summary().substring(error.code().length());
    }

    /** Why the server refused the client itself, where its answer tells; empty for a refusal of anything else. */
    public Optional<ClientRefusal> refusal(OAuthError error, int httpStatus) {
        return keyed(refusals, error).or(() -> ClientRefusal.standard(error, httpStatus));
    }

    private Optional<String> adviceFor(OAuthError error) {
        return keyed(advice, error);
    }

    /** The entry for the error's code, else for the code its description starts with, else for its first line. */
    private static <T> Optional<T> keyed(Map<String, T> entries, OAuthError error) {
        return Optional.ofNullable(entries.get(error.code()))
                .or(() -> error.description().map(OAuthError::leadingCode).map(entries::get))
                .or(() -> error.headline().map(entries::get));
    }
}
