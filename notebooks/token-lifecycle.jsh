//DEPS ../lib/JLogin.java
// A login's life after onboarding: how long the token lasts, a refresh, and logging out.
//   jbang notebooks/token-lifecycle.jsh        (log in first, e.g. with notebooks/onboarding.jsh)
// A step that fails ends the notebook with one line and the exit code the jlogin scripts use.
import dev.jlogin.*;
import dev.jlogin.cli.Steps;
import dev.jlogin.session.*;

var jl = JLogin.fromSettings();
var step = Steps.of("token-lifecycle");

// 1. The stored login: without one the notebook ends here, saying how to log in (exit 3).
System.out.println("Logged in: " + step.run(() -> jl.whoami()));

// 2. Refresh now; a rotating server retires the old refresh token.
var refresh = step.run(() -> jl.refresh());
System.out.println("Refreshed: valid until " + refresh.expiresAt().orElse(null) + (refresh.rotated() ? ", refresh token rotated" : ""));

// 3. Log out: the server revokes both tokens, the local ones are deleted, the settings stay.
System.out.println(step.run(() -> jl.revoke()));

// 4. Now every token-using call asks for a login, with the OAuth error code when the server sent
//    one: a failure this notebook expects, so it catches it rather than let it end the notebook.
try {
    jl.token();
} catch (JLoginException e) {
    System.out.println("After logging out: " + e.kind() + " (" + e.getMessage() + ")");
}
