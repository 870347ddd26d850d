package dev.jlogin.session;

import dev.jlogin.config.Setting;
import dev.jlogin.config.Settings;
import dev.jlogin.config.SettingsResolver;
import dev.jlogin.oauth.ServerMetadata;
import dev.jlogin.oauth.TokenRequest;
import dev.jlogin.store.LifecycleLog;
import dev.jlogin.store.StoredLogin;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * jlogin as a library: one profile's login (in a browser or with the device flow), tokens, identity and logout, configured from
 * the same settings as the scripts (environment, catalog properties, the saved profile):
 *
 * <pre>{@code
 * var jl = JLogin.fromSettings();                 // or JLogin.issuer(URL).clientId(ID).build()
 * jl.login();                                     // prints the link and code, waits for approval
 * jl.whoami();                                    // Alice Tester <alice@example.com> at https://...
 * jl.http().get("https://api.example.com/me").body();
 * }</pre>
 *
 * Every method that needs a token refreshes it under the profile's lock when it expires soon, as
 * the {@code token} script does; failures are {@link dev.jlogin.JLoginException}s with a kind (the scripts'
 * exit code) and, where the server sent one, the OAuth error code. Results are records that hold
 * no token, or print it as {@code [redacted]}. One object may be used from several threads.
 */
public final class JLogin {
    /** How long a token handed out by {@link #token()} is valid at least, as for the {@code token} script. */
    public static final Duration DEFAULT_MIN_VALID = Duration.ofSeconds(60);
    /** Long enough for the userinfo request to be made with a token that is still valid. */
    public static final Duration USERINFO_MARGIN = Duration.ofSeconds(10);

    private final Wiring parts;

    JLogin(Wiring parts) {
        this.parts = parts;
    }

    /** Configured from the environment ({@code JLOGIN_*}), system properties ({@code jlogin.*}) and the saved profile. */
    public static JLogin fromSettings() {
        return builder().build();
    }

    /** A builder whose settings override the environment's and the properties'. */
    public static JLoginBuilder builder() {
        return new JLoginBuilder();
    }

    /** A builder for this issuer. */
    public static JLoginBuilder issuer(String issuer) {
        return builder().issuer(issuer);
    }

    /** A builder for this client id. */
    public static JLoginBuilder clientId(String clientId) {
        return builder().clientId(clientId);
    }

    /** A builder for this profile. */
    public static JLoginBuilder forProfile(String profile) {
        return builder().profile(profile);
    }

    /** Logs in, printing the link (and the device flow's code) to stderr; replaces the profile's login. */
    public Login login() {
        return login(LoginListener.printing(parts.prompts()));
    }

    /** Logs in, telling {@code listener} the link, the code and each poll. */
    public Login login(LoginListener listener) {
        return login(parts.loginSettings(), listener);
    }

    /** Logs in with {@code settings} already resolved (from {@link Wiring#loginSettings()}), telling {@code listener}. */
    public Login login(Settings settings, LoginListener listener) {
        return new LoginReports(parts).login(settings, listener);
    }

    /** A new login at {@code server}, for a caller that needs its tokens (kubectl's plugin). */
    public StoredLogin newLogin(Settings settings, ServerMetadata server, LoginListener listener) {
        return new LoginReports(parts).approve(settings, server, listener).login();
    }

    /** {@link #login()} on a thread of its own; cancelling the future ends the login. */
    public CompletableFuture<Login> loginAsync() {
        return loginAsync(LoginListener.printing(parts.prompts()));
    }

    /**
     * {@link #login(LoginListener)} on a thread of its own. Cancelling the future interrupts the
     * login: polling stops and, unless the tokens had arrived already, nothing is stored; the login
     * ends as cancelled (never "expired").
     */
    public CompletableFuture<Login> loginAsync(LoginListener listener) {
        return LoginReports.onThread(() -> login(listener));
    }

    /** A valid access token (for at least {@link #DEFAULT_MIN_VALID}), refreshed under the profile's lock if needed. */
    public AccessToken token() {
        return token(DEFAULT_MIN_VALID);
    }

    /** An access token valid for at least {@code minValid}, refreshed under the profile's lock if needed. */
    public AccessToken token(Duration minValid) {
        Wiring.OneRead read = parts.readOnce();
        return AccessToken.of(read.tokens().validFrom(read.login(), minValid).tokens());
    }

    /** A token for another API ({@code target}), valid for at least {@link #DEFAULT_MIN_VALID}. */
    public AccessToken token(TokenRequest target) {
        return token(target, DEFAULT_MIN_VALID);
    }

    /**
     * A token for {@code target} (an audience, which may be a name from the {@code audiences}
     * setting, a resource, a scope) valid for at least {@code minValid}: kept beside the login and
     * reused while valid, else obtained under the lock by token exchange (RFC 8693) or a refresh
     * naming the API, as the provider offers. A refusal is a configuration error (exit 2) saying what
     * the platform team must enable; the login's own token is never handed out instead.
     */
    public AccessToken token(TokenRequest target, Duration minValid) {
        Wiring.OneRead read = parts.readOnce();
        return AccessToken.of(read.tokens().targetFrom(read.login(), target, minValid));
    }

    /** Who is logged in (the userinfo endpoint, else the ID token), refreshing first if the token has expired. */
    public Login whoami() {
        return new LoginReports(parts).whoami();
    }

    /** Refreshes now, whatever the expiry. */
    public Refresh refresh() {
        Settings settings = parts.settings();
        TokenManager.Refreshed refreshed = parts.tokens(settings).refresh();
        return new Refresh(settings.profile(), refreshed.after().tokens().expiresAt(), refreshed.rotated());
    }

    /** Revokes the tokens at the server and deletes them here; the profile's settings stay. */
    public Revocation revoke() {
        return new Logout(parts).run(profile(), parts::settings);
    }

    /** An HTTP sender that adds the bearer token, and refreshes and retries once on a 401. */
    public AuthorizedHttp http() {
        TokenManager tokens = parts.tokens(parts.settings());
        return new AuthorizedHttp(parts.transport(), refused -> tokens.valid(DEFAULT_MIN_VALID, refused).tokens().accessToken());
    }

    /** As {@link #http()}, with the token for another API ({@link #token(TokenRequest)}'s). */
    public AuthorizedHttp http(TokenRequest target) {
        TokenManager tokens = parts.tokens(parts.settings());
        return new AuthorizedHttp(parts.transport(), refused -> tokens.target(target, DEFAULT_MIN_VALID, refused).accessToken());
    }

    /** The lifecycle log of this home: every login, refresh, refusal and logout. */
    public LifecycleLog lifecycleLog() {
        return parts.lifecycleLog();
    }

    /** Every profile of the store judged by the organisation's policy; only the store and the discovery cache unless {@code online}. */
    public List<ProfileAudit> audit(boolean online) {
        return parts.audit(online);
    }

    /** The profile in use. */
    public String profile() {
        return parts.profile();
    }

    /** The parts this object is wired from, for the commands and for callers that need more. */
    public Wiring parts() {
        return parts;
    }

    @Override
    public String toString() {
        return "JLogin[profile=" + parts.source().get(Setting.PROFILE).orElse(SettingsResolver.DEFAULT_PROFILE)
                + parts.source().get(Setting.ISSUER).map(i -> ", issuer=" + i).orElse("")
                + parts.source().get(Setting.CLIENT_ID).map(c -> ", client=" + c).orElse("") + ", home=" + parts.home() + "]";
    }
}
