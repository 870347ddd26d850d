package dev.jlogin.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.cli.CliHarness;
import dev.jlogin.cli.InProcessCommands;
import dev.jlogin.cli.commands.AuditCommand;
import dev.jlogin.cli.commands.RefreshCommand;
import dev.jlogin.cli.commands.RevokeCommand;
import dev.jlogin.cli.commands.TokenCommand;
import dev.jlogin.cli.commands.WhoamiCommand;
import dev.jlogin.json.JsonObject;
import dev.jlogin.testing.JsonSchemas;
import dev.jlogin.testing.TestBrowser;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 10's "done": every preset works with nothing but what an organisation's catalog alias
 * publishes as {@code properties} ({@code jlogin.provider}, {@code jlogin.issuer},
 * {@code jlogin.client-id}, {@code jlogin.audience}, {@code jlogin.scope}, and for Google
 * {@code jlogin.client-secret-file}), no JLOGIN_* setting; each command ends with the exit code the
 * README promises, and revoke does what the README's providers table says of that provider.
 */
class PresetsFromCatalogPropertiesTest extends InProcessCommands {
    /** The providers the README's table says offer no revocation a public client can call. */
    private static final Set<ProviderReplays> LOCAL_REVOKE = EnumSet.of(ProviderReplays.GITHUB, ProviderReplays.ENTRA,
            ProviderReplays.WORKOS);

    @TempDir
    Path secrets;

    @ParameterizedTest
    @EnumSource(ProviderReplays.class)
    void everyCommandWorksFromCatalogPropertiesAlone(ProviderReplays preset) throws Exception {
        applyAsProperties(preset);
        CliHarness.Result login = cli.login();
        assertThat(cli.server.polls()).isNotEmpty();
        everyCommandWorksAfter(login, preset);
    }

    /**
     * The browser login (auto, where a browser opens), against each provider's documented
     * authorization endpoint; the presets whose registrations match callback ports exactly are
     * given the registered one, as their catalogs must.
     */
    @ParameterizedTest
    @EnumSource(ProviderReplays.class)
    void everyCommandWorksAfterABrowserLoginFromCatalogPropertiesAlone(ProviderReplays preset) throws Exception {
        applyAsProperties(preset);
        if (preset.provider.equals("okta") || preset.provider.equals("auth0")) {
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                cli.properties.setProperty("jlogin.redirect-port", String.valueOf(probe.getLocalPort()));
            }
        }
        cli.server.offerBrowserLogin();
        TestBrowser browser = new TestBrowser();
        cli.browser = browser;

        CliHarness.Result login = cli.login();
        assertThat(browser.page().body()).contains("You are logged in");
        assertThat(cli.server.requests()).anyMatch(r -> "authorization_code".equals(r.grantType()));
        assertThat(cli.server.polls()).isEmpty();
        if (preset == ProviderReplays.WORKOS) {
            assertThat(browser.opened().get(0).getRawQuery()).startsWith("provider=authkit&");
        }
        everyCommandWorksAfter(login, preset);
    }

    private void applyAsProperties(ProviderReplays preset) {
        preset.applyAsProperties(cli, secrets.resolve("client-secret"));
        assertThat(cli.env).containsOnlyKeys("JLOGIN_HOME");
        assertThat(cli.properties.stringPropertyNames()).allMatch(name -> name.startsWith("jlogin."))
                .contains("jlogin.provider", "jlogin.issuer", "jlogin.client-id")
                .doesNotContain("jlogin.client-secret");
    }

    private void everyCommandWorksAfter(CliHarness.Result login, ProviderReplays preset) throws Exception {
        Path secretFile = secrets.resolve("client-secret");
        assertThat(login.exit()).as(login.err()).isZero();
        CliHarness.Result whoami = cli.run(new WhoamiCommand(), "--json");
        assertThat(whoami.exit()).as(whoami.err()).isZero();
        assertThat(JsonObject.parse(whoami.out()).asMap()).containsEntry("client_id", "cli")
                .containsEntry("identity_source", identitySource(preset));
        CliHarness.Result token = cli.run(new TokenCommand());
        assertThat(token.exit()).as(token.err()).isZero();
        assertThat(cli.server.accepts(token.out().strip())).isTrue();
        CliHarness.Result refresh = cli.run(new RefreshCommand());
        assertThat(refresh.exit()).as(refresh.err()).isZero();
        assertThat(cli.server.refreshes()).singleElement()
                .satisfies(r -> assertThat(r.form()).containsEntry("client_id", "cli"));
        if (preset == ProviderReplays.GOOGLE) {
            // the secret Google insists on reached it, on every token request, from the owner-only file
            String secret = Files.readString(secretFile).strip();
            assertThat(cli.server.requests()).filteredOn(r -> r.grantType() != null).hasSizeGreaterThan(1)
                    .allSatisfy(r -> assertThat(r.form()).containsEntry("client_secret", secret));
        }
        // the audit classifies the login by its schema; only Google's preset sends a client secret
        CliHarness.Result audit = cli.run(new AuditCommand(), "--json");
        assertThat(audit.exit()).as(audit.err()).isZero();
        JsonSchemas.documented().check("audit", audit.out().strip());
        assertThat(audit.out()).contains("\"client_type\":\"" + (preset == ProviderReplays.GOOGLE ? "confidential" : "public") + "\"")
                .contains("\"provider\":\"" + preset.provider + "\"");
        CliHarness.Result revoke = cli.run(new RevokeCommand());
        assertThat(revoke.exit()).as(revoke.err()).isZero();
        CliHarness.Result afterRevoke = cli.run(new TokenCommand());

        assertThat(afterRevoke.exit()).isEqualTo(3);
        assertThat(afterRevoke.err()).contains("login");
        if (LOCAL_REVOKE.contains(preset)) {
            assertThat(revoke.out()).doesNotContain("refresh token: revoked");
            assertThat(cli.server.requests()).noneMatch(r -> r.path().endsWith("/revoke"));
        } else {
            assertThat(revoke.out()).contains("refresh token: revoked");
            assertThat(cli.server.requests()).anyMatch(r -> r.path().endsWith("/revoke"));
        }
        for (CliHarness.Result result : new CliHarness.Result[] {login, whoami, refresh, audit, revoke, afterRevoke}) {
            assertNoSecretIn(result);
        }
    }

    /** Where whoami finds the user, as the README's providers table says. */
    private static String identitySource(ProviderReplays preset) {
        return switch (preset) {
            case GITHUB -> "user_api";
            case WORKOS -> "token_response";
            default -> "userinfo";
        };
    }
}
