package dev.jlogin.session;

import dev.jlogin.JLoginException;
import dev.jlogin.config.LoginFlow;
import dev.jlogin.config.Settings;
import dev.jlogin.device.DeviceAuthorization;
import dev.jlogin.device.DeviceAuthorizationClient;
import dev.jlogin.device.DevicePoller;
import dev.jlogin.device.PollOutcome;
import dev.jlogin.device.Sleeper;
import dev.jlogin.oauth.ServerMetadata;
import dev.jlogin.oauth.TokenEndpoint;
import dev.jlogin.store.StoredLogin;
import java.time.Clock;
import java.time.Instant;

/**
 * The device login (RFC 8628) from code to stored tokens: the code is requested and handed to a
 * {@link LoginListener}, the token endpoint polled, and the tokens kept as {@link NewLogin} keeps
 * them (an ID token that fails verification is not stored). Interrupting the thread that runs
 * it cancels the login: it ends with {@link JLoginException.Kind#CANCELLED}, never as "expired".
 */
public final class DeviceFlow {
    private final NewLogin newLogin;
    private final DeviceAuthorizationClient deviceAuthorization;
    private final TokenEndpoint tokenEndpoint;
    private final Clock clock;
    private final Sleeper sleeper;

    DeviceFlow(NewLogin newLogin, DeviceAuthorizationClient deviceAuthorization, TokenEndpoint tokenEndpoint,
               Clock clock, Sleeper sleeper) {
        this.newLogin = newLogin;
        this.deviceAuthorization = deviceAuthorization;
        this.tokenEndpoint = tokenEndpoint;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Logs in with {@code settings} at the server {@code metadata} describes, and stores the tokens. */
    public StoredLogin run(Settings settings, ServerMetadata metadata, LoginListener listener) {
        return approve(settings, metadata, listener).login();
    }

    /** {@link #run}, also handing back the ID token's check. */
    NewLogin.Approved approve(Settings settings, ServerMetadata metadata, LoginListener listener) {
        newLogin.checkAllowed(settings, metadata, LoginFlow.DEVICE);
        DeviceAuthorization authorization;
        try {
            authorization = deviceAuthorization.request(metadata.deviceAuthorizationEndpoint(), settings.client(),
                    settings.scope().orElse(null), settings.parameters());
        } catch (JLoginException e) {
            throw Thread.currentThread().isInterrupted() ? NewLogin.cancelled() : e;
        }
        Instant issuedAt = clock.instant();
        newLogin.remember(settings);
        listener.codeReady(authorization, issuedAt);
        PollOutcome outcome;
        try {
            outcome = new DevicePoller(tokenEndpoint, clock, listener.pacing(sleeper), listener::polled)
                    .poll(metadata.tokenEndpoint(), settings.client(), authorization, issuedAt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw NewLogin.cancelled();
        }
        if (outcome instanceof PollOutcome.Denied denied) {
            throw NewLogin.denied(denied.error());
        }
        if (outcome instanceof PollOutcome.Expired expired) {
            throw new JLoginException(JLoginException.Kind.EXPIRED, expired.reason());
        }
        if (outcome instanceof PollOutcome.Failed failed) {
            // the poll's HTTP status is not kept: the code and the provider's words tell
            throw NewLogin.failed(settings, failed.error());
        }
        return newLogin.keep(settings, metadata, LoginFlow.DEVICE, ((PollOutcome.Approved) outcome).tokens(), "the login was approved");
    }
}
