//DEPS ../lib/JLogin.java
// A login's life after onboarding: how long the token lasts, a refresh, and logging out.
//   jbang notebooks/token-lifecycle.jsh        (log in first, e.g. with notebooks/onboarding.jsh)
import dev.jlogin.*;
import dev.jlogin.session.*;

var jl = JLogin.fromSettings();

// 1. The stored login: a failure says what to do (kind LOGIN_REQUIRED: log in first).
try {
    System.out.println("Logged in: " + jl.whoami());
} catch (JLoginException e) {
    System.out.println("No login (" + e.kind() + "): " + e.getMessage());
}

// 2. Refresh now; a rotating server retires the old refresh token.
var refresh = jl.refresh();
System.out.println("Refreshed: valid until " + refresh.expiresAt().orElse(null) + (refresh.rotated() ? ", refresh token rotated" : ""));

// 3. Log out: the server revokes both tokens, the local ones are deleted, the settings stay.
System.out.println(jl.revoke());

// 4. Now every token-using call asks for a login, with the OAuth error code when the server sent one.
try {
    jl.token();
} catch (JLoginException e) {
    System.out.println("After logging out: " + e.kind() + " (" + e.getMessage() + ")");
}
