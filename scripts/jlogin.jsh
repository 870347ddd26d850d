//DEPS ../lib/JLogin.java
//DEPS com.fasterxml.jackson.jr:jackson-jr-objects:2.21.4
// JShell with the jlogin library imported and `jl` configured from the catalog's jlogin.* properties
// and JLOGIN_* variables (and the saved profile), as the scripts are. APIs' JSON reads with jackson-jr's JSON.std.
import com.fasterxml.jackson.jr.ob.JSON;
import dev.jlogin.*;
import dev.jlogin.config.*;
import dev.jlogin.device.*;
import dev.jlogin.http.*;
import dev.jlogin.json.*;
import dev.jlogin.oauth.*;
import dev.jlogin.session.*;
import dev.jlogin.store.*;
import java.net.URI;
import java.time.*;
import java.util.*;

var jl = JLogin.fromSettings();
System.out.println("jlogin " + Version.VERSION + ": jl is " + jl);
System.out.println("try: jl.login()  jl.whoami()  jl.token()  jl.http().get(URL).body()  jl.refresh()  jl.revoke()");
System.out.println("     JSON.std.mapFrom(jl.http().get(URL).body())   (an API's JSON as a Map, with jackson-jr)");
