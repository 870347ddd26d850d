package dev.jlogin.config;

import dev.jlogin.oauth.ClientRefusal;
import dev.jlogin.oauth.Dialect;
import dev.jlogin.oauth.ServerMetadata;
import dev.jlogin.oauth.TokenRequest;
import java.util.Map;
import java.util.Optional;

/**
 * Microsoft Entra ID (v2.0 endpoints): the issuer is a tenant URL
 * ({@code https://login.microsoftonline.com/TENANT/v2.0}, where TENANT may be {@code common} or
 * {@code organizations}, whose metadata names a templated issuer); {@code offline_access} is
 * needed for a refresh token; errors carry {@code AADSTS} codes; there is no revocation endpoint.
 */
final class EntraProvider implements Provider {
    private static final String VERSION = "/v2.0";

    @Override
    public String name() {
        return "entra";
    }

    @Override
    public Optional<String> defaultIssuer() {
        return Optional.of("https://login.microsoftonline.com/organizations" + VERSION);
    }

    /** A tenant URL given without the version is the v2.0 one: the v1 endpoints have no device metadata. */
    @Override
    public String issuer(String configured) {
        String trimmed = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        return trimmed.endsWith(VERSION) ? trimmed : trimmed + VERSION;
    }

    @Override
    public String scope(String configured) {
        return (" " + configured + " ").contains(" offline_access ") ? configured : configured + " offline_access";
    }

    @Override
    public boolean verificationHost(String host) {
        return host.equalsIgnoreCase("microsoft.com") || host.equalsIgnoreCase("login.microsoft.com");
    }

    @Override
    public boolean tenantTemplate() {
        return true;
    }

    /** Every code explained here is one that no retry fixes: the registration or the tenant must change. */
    @Override
    public Dialect dialect() {
        Map<String, String> advice = Map.of(
                "AADSTS7000218", "the app registration must allow public client flows: Authentication,"
                        + " Allow public client flows, Yes",
                "AADSTS53003", "the tenant's Conditional Access policy blocks this sign-in, such as the device code"
                        + " flow; ask the tenant's administrators",
                "AADSTS50059", "no such tenant: check the tenant in the issuer URL",
                "AADSTS90002", "no such tenant: check the tenant in the issuer URL",
                "AADSTS700016", "no such application in this tenant",
                "AADSTS65001", "the user or an administrator has not consented to this application");
        // 7000218 asks for the secret of an app that does not allow public client flows
        return new Dialect(false, false, false, advice, advice.keySet()).withRefusals(Map.of(
                "AADSTS700016", ClientRefusal.UNKNOWN_CLIENT, "AADSTS7000218", ClientRefusal.SECRET_REQUIRED));
    }

    /**
     * Entra has no token exchange for public clients: a refresh names the API by scope, its
     * {@code /.default} (every permission the app registration holds for it) unless scopes are given.
     */
    @Override
    public boolean exchangesTokens(ServerMetadata server) {
        return false;
    }

    @Override
    public Optional<Map<String, String>> targetRefresh(TokenRequest target) {
        String api = target.audience().or(target::resource).map(a -> a.endsWith("/") ? a + ".default" : a + "/.default")
                .orElse("");
        return Optional.of(Map.of("scope", target.scope().orElse(api)));
    }

    @Override
    public String targetRemedy(String clientId, boolean exchange) {
        return "ask the platform team to give app registration '" + clientId + "' the API's permissions (API permissions,"
                + " with admin consent where the tenant requires it)";
    }
}
