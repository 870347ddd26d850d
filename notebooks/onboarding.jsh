//DEPS ../lib/JLogin.java
//DEPS com.fasterxml.jackson.jr:jackson-jr-objects:2.21.4
// Onboarding, step by step: log in, see who you are, call an API with your token.
//   jbang notebooks/onboarding.jsh [API-URL]       (or open it in JShell: jbang --interactive ...)
// Settings come from JLOGIN_* variables, jlogin.* properties and the saved profile, as for the scripts.
// A step that fails ends the notebook with one line and the exit code the jlogin scripts use.
import com.fasterxml.jackson.jr.ob.JSON;
import dev.jlogin.cli.Steps;
import dev.jlogin.session.*;

var jl = JLogin.fromSettings();
var step = Steps.of("onboarding");

// 1. Log in: the link and the code appear below; approve in a browser.
var login = step.run(() -> jl.login());

// 2. Who the server says you are, and until when the access token is valid.
System.out.println("You are " + step.run(() -> jl.whoami()));

// 3. A token for other tools prints as [redacted]; token.value().reveal() gives it to a program.
System.out.println("Your token: " + step.run(() -> jl.token()));

// 4. Call an API: the bearer token is added, and refreshed once if the API says 401.
if (args.length > 0) {
    var response = step.run(() -> jl.http().get(args[0]));
    System.out.println(args[0] + " answered " + response.status() + ": " + response.body());
    // 5. Its JSON as a Map, with jackson-jr (jlogin's own strict reader is for the protocol only).
    if (response.status() == 200) {
        Map<String, Object> fields = JSON.std.mapFrom(response.body());
        System.out.println("its fields: " + fields.keySet());
    }
}
