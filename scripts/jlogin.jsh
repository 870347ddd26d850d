//DEPS ../lib/JLogin.java
// JShell with the jlogin library: explore a server from the prompt, e.g.
//   var http = new HttpTransport();
//   var md = new Discovery(http).discover("http://127.0.0.1:8080/realms/devicetest");
//   var auth = new DeviceAuthorizationClient(http).request(md.deviceAuthorizationEndpoint(),
//           Client.publicClient("device-public"), "openid", Map.of());
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
