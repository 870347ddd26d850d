package dev.jlogin.sandbox;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Plays a person at Keycloak's pages over plain HTTP: opens the verification link, signs in on
 * the login page, and answers the consent page, exactly the forms a browser would submit. This
 * is how the sandbox tour approves without a browser; a real-browser test drives the same pages
 * with Chromium.
 */
public final class DemoUser {
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY_FORM = Pattern.compile("<form[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern CODE_FIELD = Pattern.compile(
            "<input[^>]*name=\"code\"[^>]*value=\"([^\"]*)\"|<input[^>]*value=\"([^\"]*)\"[^>]*name=\"code\"", Pattern.CASE_INSENSITIVE);

    private final String username;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new LoopbackCookies())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    public DemoUser(String username, String password) {
        this.username = username;
        this.password = password;
    }

    public static DemoUser alice() {
        return new DemoUser(SandboxRealm.USER, SandboxRealm.PASSWORD);
    }

    /** Signs in through {@code verificationUriComplete} and grants access. */
    public void approve(URI verificationUriComplete) {
        answer(verificationUriComplete, Map.of("accept", "Yes"), "Device Login Successful");
    }

    /**
     * Signs in at a browser login's {@code authorizationUri} and follows Keycloak's redirect back to
     * the login's loopback listener, as a browser does, until its page says the login is done.
     */
    public void signIn(URI authorizationUri) {
        HttpResponse<String> done = signInOn(get(authorizationUri));
        if (!done.body().contains("You are logged in")) {
            throw unexpected("login's page", done);
        }
    }

    /** Signs in and refuses access on the consent page. */
    public void deny(URI verificationUriComplete) {
        answer(verificationUriComplete, Map.of("cancel", "No"), null);
    }

    private void answer(URI link, Map<String, String> button, String expected) {
        HttpResponse<String> consentPage = signInOn(get(link));
        Matcher code = CODE_FIELD.matcher(consentPage.body());
        if (!code.find()) {
            throw unexpected("consent page", consentPage);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", unescape(code.group(1) != null ? code.group(1) : code.group(2)));
        form.putAll(button);
        HttpResponse<String> done = post(consentPage.uri().resolve(action(consentPage, ANY_FORM, "consent form")), form);
        if (expected != null && !done.body().contains(expected)) {
            throw unexpected("confirmation page", done);
        }
    }

    /** Submits the user's name and password on Keycloak's login page, following where it leads. */
    private HttpResponse<String> signInOn(HttpResponse<String> loginPage) {
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("username", username);
        credentials.put("password", password);
        credentials.put("credentialId", "");
        return post(loginPage.uri().resolve(action(loginPage, LOGIN_FORM, "login form")), credentials);
    }

    private static String action(HttpResponse<String> page, Pattern form, String what) {
        Matcher f = form.matcher(page.body());
        if (f.find()) {
            Matcher a = ACTION.matcher(f.group());
            if (a.find()) {
                return unescape(a.group(1));
            }
        }
        throw unexpected(what, page);
    }

    private HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    private HttpResponse<String> post(URI uri, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("demo user could not reach Keycloak: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    /**
     * Keycloak marks its cookies Secure, and the JDK sends Secure cookies only over https, while
     * the sandbox speaks http on loopback (where browsers treat http as secure too). Asking the
     * store as if for https makes it hand them over, for this loopback-only client.
     */
    private static final class LoopbackCookies extends CookieHandler {
        private final CookieManager store = new CookieManager();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            try {
                URI asSecure = new URI("https", uri.getUserInfo(), uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
                return store.get(asSecure, headers);
            } catch (URISyntaxException e) {
                return store.get(uri, headers);
            }
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            store.put(uri, headers);
        }
    }

    private static IllegalStateException unexpected(String what, HttpResponse<String> page) {
        Matcher title = Pattern.compile("<title>([^<]*)</title>").matcher(page.body());
        return new IllegalStateException("demo user expected a " + what + " at " + page.uri().getPath() + " but got HTTP "
                + page.statusCode() + (title.find() ? " \"" + title.group(1).trim() + "\"" : ""));
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&#x2F;", "/").replace("&#x3D;", "=");
    }
}
