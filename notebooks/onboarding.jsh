//DEPS ../lib/JLogin.java
// Onboarding, step by step: log in, see who you are, call an API with your token.
//   jbang notebooks/onboarding.jsh [API-URL]       (or open it in JShell: jbang --interactive ...)
// Settings come from JLOGIN_* variables, jlogin.* properties and the saved profile, as for the scripts.
import dev.jlogin.session.*;

var jl = JLogin.fromSettings();

// 1. Log in: the link and the code appear below; approve in a browser.
var login = jl.login();

// 2. Who the server says you are, and until when the access token is valid.
System.out.println("You are " + jl.whoami());

// 3. A token for other tools prints as [redacted]; token.value().reveal() gives it to a program.
System.out.println("Your token: " + jl.token());

// 4. Call an API: the bearer token is added, and refreshed once if the API says 401.
if (args.length > 0) {
    var response = jl.http().get(args[0]);
    System.out.println(args[0] + " answered " + response.status() + ": " + response.body());
}
