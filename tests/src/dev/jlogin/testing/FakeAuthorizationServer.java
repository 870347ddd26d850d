package dev.jlogin.testing;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process OAuth 2.0 authorization server (JDK HttpServer on loopback) for fault injection:
 * discovery, device authorization, token (device code and refresh grants), revocation,
 * userinfo and a JWK set, ID tokens minted by the test, with scripted responses, approval and denial on demand, and a log of every request.
 * It is a test double for protocol edge cases; the real-IdP tests use Keycloak.
 */
public final class FakeAuthorizationServer implements AutoCloseable {
    /** A canned HTTP response. */
    public record Reply(int status, String body, Map<String, String> headers) {
        public static Reply json(int status, Map<String, ?> body) {
            return new Reply(status, write(body), Map.of("Content-Type", "application/json"));
        }

        public static Reply error(int status, String code) {
            return json(status, Map.of("error", code));
        }

        public static Reply raw(int status, String body) {
            return new Reply(status, body, Map.of());
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, body, h);
        }
    }

    /**
     * A request as received: path, form fields, Authorization header, the test clock's time, and
     * every header's first value by its lower-case name.
     */
    public record Request(String path, Map<String, String> form, String authorization, Instant at,
                          Map<String, String> headers) {
        public String grantType() {
            return form.get("grant_type");
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    public static final String USER_CODE = "WDJB-MJHT";

    private final HttpServer server;
    private final Clock clock;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Reply> tokenReplies = new ConcurrentLinkedDeque<>();
    private final Deque<Reply> deviceReplies = new ConcurrentLinkedDeque<>();
    private final Set<String> validAccess = ConcurrentHashMap.newKeySet();
    private final Set<String> validRefresh = ConcurrentHashMap.newKeySet();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final Map<String, String> pairs = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<String, Object> deviceOverrides = new ConcurrentHashMap<>();
    private final Map<String, Object> tokenOverrides = new ConcurrentHashMap<>();
    private final Map<String, String> endpointPaths = new ConcurrentHashMap<>();

    private volatile String approval = "pending"; // pending | approved | denied
    private volatile boolean rotateRefreshTokens = true;
    private volatile long accessTokenLifetime = 300;
    private volatile int secretLength;
    private volatile String discoveredIssuer;
    private volatile boolean revocationEndpoint = true;
    private volatile boolean oidcDiscovery = true;
    private volatile Runnable beforeRefresh = () -> { };
    private volatile String userName = "Alice Tester";
    private volatile Map<String, ?> userinfoClaims;
    private volatile String issuerPath = "/issuer";
    private volatile boolean jwtAccessTokens;
    private volatile String jwks = SigningKeys.jwks(SigningKeys.jwk("k1", SigningKeys.rsa(), "RS256"));
    private volatile java.util.function.Function<Instant, String> idTokens;
    private volatile boolean browserLogin;
    private volatile boolean issParameter;
    private volatile String issValue;
    private volatile String browserAnswer = "approve"; // approve | deny
    private volatile boolean tokenExchange;
    /** The audiences and resources a token may be asked for; null: any. */
    private volatile Set<String> targets;
    /** What each access token obtained for another API was asked for: audience, resource, scope. */
    private final Map<String, Map<String, String>> targetOf = new ConcurrentHashMap<>();
    /** Codes issued to the browser login, with the authorization request each answers (single use). */
    private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();

    public FakeAuthorizationServer(Clock clock) {
        this(clock, null);
    }

    /** Over HTTPS with {@code tls}'s certificate when it is not null. */
    public FakeAuthorizationServer(Clock clock, javax.net.ssl.SSLContext tls) {
        this(clock, tls, InetAddress.getLoopbackAddress());
    }

    /** On {@code host}, one of this machine's addresses: another than loopback is reached through proxies. */
    public FakeAuthorizationServer(Clock clock, javax.net.ssl.SSLContext tls, InetAddress host) {
        this.clock = clock;
        try {
            InetSocketAddress address = new InetSocketAddress(host, 0);
            if (tls == null) {
                server = HttpServer.create(address, 0);
            } else {
                com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(address, 0);
                https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
                server = https;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-authorization-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public FakeAuthorizationServer() {
        this(Clock.systemUTC());
    }

    public String base() {
        return (server instanceof com.sun.net.httpserver.HttpsServer ? "https" : "http") + "://"
                + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    public String issuer() {
        return base() + issuerPath;
    }

    // --- controls

    public void approve() {
        approval = "approved";
    }

    public void deny() {
        approval = "denied";
    }

    /** Lists an authorization endpoint, so a browser login can be made (authorization code with PKCE). */
    public void offerBrowserLogin() {
        browserLogin = true;
    }

    /**
     * Says in the metadata that the browser login's answers name the issuer (RFC 9207), and names
     * {@code iss} in them: the issuer, another one (a mix-up), or null for none.
     */
    public void sendIssuerParameter(String iss) {
        issParameter = true;
        issValue = iss;
    }

    /** The person denies the browser login: the answer is {@code error=access_denied}. */
    public void denyInBrowser() {
        browserAnswer = "deny";
    }

    /** Replies to the next token requests (either grant), in order, before normal behaviour resumes. */
    public void enqueueTokenReplies(Reply... replies) {
        tokenReplies.addAll(List.of(replies));
    }

    /** Replies to the next device authorization requests, in order. */
    public void enqueueDeviceReplies(Reply... replies) {
        deviceReplies.addAll(List.of(replies));
    }

    public void rotateRefreshTokens(boolean rotate) {
        rotateRefreshTokens = rotate;
    }

    public void accessTokenLifetime(long seconds) {
        accessTokenLifetime = seconds;
    }

    /**
     * Pads every token issued from now on to {@code length} characters: Entra ID's access tokens
     * are JWTs of 2 to 4 KB, its refresh tokens about 1.5 KB.
     */
    public void secretLength(int length) {
        secretLength = length;
    }

    /** Makes discovery claim another issuer, as a look-alike server would. */
    public void discoveredIssuer(String issuer) {
        discoveredIssuer = issuer;
    }

    /** Runs at each refresh request, before it is answered: where a test stages a race. */
    public void beforeRefresh(Runnable action) {
        beforeRefresh = action;
    }

    /** The {@code name} claim userinfo returns: server-supplied text, for sanitising tests. */
    public void userName(String name) {
        userName = name;
    }

    /** The JWK set published at {@code jwks_uri} from now on (by default RSA key {@code k1}): a rotation. */
    public void jwks(String keySet) {
        jwks = keySet;
    }

    /** Adds an ID token, minted at the test clock's time, to every token response from now on. */
    public void idTokens(java.util.function.Function<Instant, String> mint) {
        idTokens = mint;
    }

    /** A good ID token for client {@code cli}: RS256 with key {@code k1}, standard claims. */
    public String idToken(Instant now) {
        return SigningKeys.sign(SigningKeys.header("RS256", "k1"), SigningKeys.claims(issuer(), "cli", now),
                SigningKeys.rsa().getPrivate());
    }

    public void withoutRevocationEndpoint() {
        revocationEndpoint = false;
    }

    /** Serves only RFC 8414 metadata, as plain OAuth servers do. */
    public void withoutOidcDiscovery() {
        oidcDiscovery = false;
    }

    /**
     * Serves the issuer (discovery) at {@code path} instead of {@code /issuer}, such as a realm,
     * tenant or authorization server path; the endpoints move with it unless placed explicitly.
     */
    public void issuerPath(String path) {
        issuerPath = path;
    }

    /**
     * Serves one endpoint ({@code device}, {@code token}, {@code revoke} or {@code userinfo}) at
     * {@code path} under the base URL, as a provider with fixed paths does; discovery lists it there.
     */
    public void endpointPath(String endpoint, String path) {
        endpointPaths.put(endpoint, path);
    }

    /** Userinfo answers with exactly these fields (a provider's own profile API, say) for a valid token. */
    public void userinfoClaims(Map<String, ?> claims) {
        userinfoClaims = Map.copyOf(claims);
    }

    /** Issues access tokens as unsigned JWTs whose {@code exp} is their expiry, as many providers do. */
    public void jwtAccessTokens() {
        jwtAccessTokens = true;
    }

    /** Overrides (or, with a null value, removes) fields of every successful token response. */
    public void tokenResponse(String field, Object value) {
        tokenOverrides.put(field, value == null ? REMOVE : value);
    }

    /** Overrides (or, with a null value, removes) fields of the device authorization response. */
    public void deviceResponse(String field, Object value) {
        deviceOverrides.put(field, value == null ? REMOVE : value);
    }

    /** A valid token pair, as if from an earlier login. */
    /** Lists RFC 8693 token exchange in the metadata, and answers it (RFC 8693 §2.2). */
    public void offerTokenExchange() {
        tokenExchange = true;
    }

    /** Only these audiences and resources are given tokens; others get {@code invalid_target} (RFC 8707 §2, RFC 8693 §2.2.2). */
    public void allowTargets(String... allowed) {
        targets = Set.of(allowed);
    }

    /** What {@code accessToken} was issued for, when it was asked for another API: its audience, resource and scope. */
    public Optional<Map<String, String>> targetOf(String accessToken) {
        return Optional.ofNullable(targetOf.get(accessToken));
    }

    /** The token exchange requests received. */
    public List<Request> exchanges() {
        return requests.stream().filter(r -> TOKEN_EXCHANGE.equals(r.grantType())).toList();
    }

    public record Minted(String accessToken, String refreshToken) {
    }

    public Minted mint() {
        String access = secret("at");
        String refresh = secret("rt");
        validAccess.add(access);
        validRefresh.add(refresh);
        pairs.put(access, refresh);
        return new Minted(access, refresh);
    }

    // --- observations

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    public List<Request> polls() {
        return requests.stream().filter(r -> "urn:ietf:params:oauth:grant-type:device_code".equals(r.grantType())).toList();
    }

    public List<Request> refreshes() {
        return requests.stream().filter(r -> "refresh_token".equals(r.grantType())).toList();
    }

    public boolean isRevoked(String token) {
        return revoked.contains(token);
    }

    /** Every token this server issued, for checks that none leaked into output. */
    public Set<String> issuedSecrets() {
        return Set.copyOf(issued);
    }

    /** Whether this access token was issued together with this refresh token. */
    public boolean issuedTogether(String accessToken, String refreshToken) {
        return refreshToken.equals(pairs.get(accessToken));
    }

    public boolean acceptsRefreshToken(String refreshToken) {
        return validRefresh.contains(refreshToken);
    }

    public boolean accepts(String accessToken) {
        return validAccess.contains(accessToken);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // --- protocol

    private static final Object REMOVE = new Object();
    private final Set<String> issued = ConcurrentHashMap.newKeySet();

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> form = decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (form.isEmpty() && exchange.getRequestURI().getRawQuery() != null) {
                form = decode(exchange.getRequestURI().getRawQuery()); // the browser login's request is a GET
            }
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
            requests.add(new Request(path, form, exchange.getRequestHeaders().getFirst("Authorization"), clock.instant(), headers));
            Reply reply = route(path, form, exchange.getRequestHeaders().getFirst("Authorization"));
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private Reply route(String path, Map<String, String> form, String authorization) {
        String issuer = issuerPath;
        if (path.equals(issuer + "/.well-known/openid-configuration")) {
            return oidcDiscovery ? Reply.json(200, metadata()) : Reply.raw(404, "not found");
        }
        if (path.equals("/.well-known/oauth-authorization-server" + issuer)) {
            return Reply.json(200, metadata());
        }
        if (path.equals(endpointPath("device"))) {
            return device(form);
        }
        if (path.equals(endpointPath("authorize")) && browserLogin) {
            return authorize(form);
        }
        if (path.equals(endpointPath("token"))) {
            return token(form);
        }
        if (path.equals(endpointPath("revoke"))) {
            return revoke(form);
        }
        if (path.equals(endpointPath("userinfo"))) {
            return userinfo(authorization);
        }
        if (path.equals(endpointPath("jwks"))) {
            return new Reply(200, jwks, Map.of("Content-Type", "application/jwk-set+json"));
        }
        return Reply.raw(404, "not found");
    }

    private String endpointPath(String endpoint) {
        return endpointPaths.getOrDefault(endpoint, issuerPath + "/" + endpoint);
    }

    private Map<String, Object> metadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issuer", discoveredIssuer != null ? discoveredIssuer : issuer());
        m.put("device_authorization_endpoint", base() + endpointPath("device"));
        m.put("token_endpoint", base() + endpointPath("token"));
        if (revocationEndpoint) {
            m.put("revocation_endpoint", base() + endpointPath("revoke"));
        }
        m.put("userinfo_endpoint", base() + endpointPath("userinfo"));
        m.put("jwks_uri", base() + endpointPath("jwks"));
        if (browserLogin) {
            m.put("authorization_endpoint", base() + endpointPath("authorize"));
        }
        if (issParameter) {
            m.put("authorization_response_iss_parameter_supported", true);
        }
        if (tokenExchange) {
            m.put("grant_types_supported", List.of("authorization_code", "refresh_token", TOKEN_EXCHANGE));
        }
        return m;
    }

    private Reply device(Map<String, String> form) {
        Reply scripted = deviceReplies.poll();
        if (scripted != null) {
            return scripted;
        }
        if (form.get("client_id") == null) {
            return Reply.error(400, "invalid_client");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("device_code", secret("dc"));
        body.put("user_code", USER_CODE);
        body.put("verification_uri", base() + "/activate");
        body.put("verification_uri_complete", base() + "/activate?user_code=" + USER_CODE);
        body.put("expires_in", 600);
        body.put("interval", 1);
        deviceOverrides.forEach((k, v) -> {
            if (v == REMOVE) {
                body.remove(k);
            } else {
                body.put(k, v);
            }
        });
        return Reply.json(200, body);
    }

    private Reply token(Map<String, String> form) {
        if ("refresh_token".equals(form.get("grant_type"))) {
            beforeRefresh.run();
        }
        Reply scripted = tokenReplies.poll();
        if (scripted != null) {
            return scripted;
        }
        String grant = String.valueOf(form.get("grant_type"));
        if (grant.equals("urn:ietf:params:oauth:grant-type:device_code")) {
            switch (approval) {
                case "approved":
                    approval = "used";
                    return tokens(null);
                case "denied":
                    return Reply.error(400, "access_denied");
                case "used":
                    return Reply.error(400, "invalid_grant");
                default:
                    return Reply.error(400, "authorization_pending");
            }
        }
        if (grant.equals("authorization_code")) {
            return codeGrant(form);
        }
        if (grant.equals("refresh_token")) {
            String presented = form.get("refresh_token");
            if (presented == null || !validRefresh.contains(presented)) {
                return Reply.json(400, Map.of("error", "invalid_grant", "error_description", "Token is not active"));
            }
            Map<String, String> target = target(form);
            if (!allowed(target)) {
                return Reply.json(400, Map.of("error", "invalid_target", "error_description", "not an API of this client"));
            }
            if (rotateRefreshTokens) {
                validRefresh.remove(presented);
            }
            Reply reply = tokens(rotateRefreshTokens ? null : presented);
            remember(reply, target);
            return reply;
        }
        if (grant.equals(TOKEN_EXCHANGE) && tokenExchange) {
            return exchange(form);
        }
        return Reply.error(400, "unsupported_grant_type");
    }

    private static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    private static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

    /** RFC 8693 §2.1-2.2: an access token as subject, for an audience or resource this server serves; no refresh token. */
    private Reply exchange(Map<String, String> form) {
        if (!ACCESS_TOKEN_TYPE.equals(form.get("subject_token_type")) || form.get("client_id") == null) {
            return Reply.error(400, "invalid_request");
        }
        if (!validAccess.contains(String.valueOf(form.get("subject_token")))) {
            return Reply.json(400, Map.of("error", "invalid_request", "error_description", "subject_token is not active"));
        }
        Map<String, String> target = target(form);
        if (target.isEmpty() || !allowed(target)) {
            return Reply.json(400, Map.of("error", "invalid_target", "error_description", "not an API of this client"));
        }
        String access = secret("xt");
        validAccess.add(access);
        targetOf.put(access, target);
        return Reply.json(200, Map.of("access_token", access, "issued_token_type", ACCESS_TOKEN_TYPE,
                "token_type", "Bearer", "expires_in", accessTokenLifetime));
    }

    /** The audience, resource and scope a request asks for, where it names another API. */
    private static Map<String, String> target(Map<String, String> form) {
        Map<String, String> target = new LinkedHashMap<>();
        for (String name : List.of("audience", "resource", "scope")) {
            if (form.get(name) != null) {
                target.put(name, form.get(name));
            }
        }
        return target;
    }

    private boolean allowed(Map<String, String> target) {
        Set<String> allowed = targets;
        return allowed == null || java.util.stream.Stream.of("audience", "resource").map(target::get)
                .filter(java.util.Objects::nonNull).allMatch(allowed::contains);
    }

    private void remember(Reply reply, Map<String, String> target) {
        if (!target.isEmpty() && reply.status() == 200) {
            try {
                targetOf.put(String.valueOf(JSON.std.mapFrom(reply.body()).get("access_token")), target);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * RFC 6749 §4.1.2: a request with an unusable client or redirect URI gets an error page, not a
     * redirect; otherwise the browser is sent back with a code, or the error, and the state.
     */
    private Reply authorize(Map<String, String> query) {
        String redirect = query.get("redirect_uri");
        if (query.get("client_id") == null || redirect == null || !redirect.matches("http://127\\.0\\.0\\.1:\\d+/callback")) {
            return Reply.raw(400, "invalid client or redirect_uri");
        }
        String error = !"code".equals(query.get("response_type")) ? "unsupported_response_type"
                : !"S256".equals(query.get("code_challenge_method")) || query.get("code_challenge") == null
                || query.get("state") == null ? "invalid_request"
                : browserAnswer.equals("deny") ? "access_denied" : null;
        StringBuilder location = new StringBuilder(redirect).append('?');
        if (error == null) {
            String code = secret("code");
            codes.put(code, Map.copyOf(query));
            location.append("code=").append(encode(code));
        } else {
            location.append("error=").append(error);
        }
        location.append("&state=").append(encode(String.valueOf(query.get("state"))));
        if (issValue != null) {
            location.append("&iss=").append(encode(issValue));
        }
        return new Reply(302, "", Map.of("Location", location.toString()));
    }

    /** RFC 6749 §4.1.3 with RFC 7636 §4.6: the code once, for the same client and redirect URI, with the verifier of its challenge. */
    private Reply codeGrant(Map<String, String> form) {
        String code = form.get("code");
        Map<String, String> request = code == null ? null : codes.remove(code);
        String verifier = form.get("code_verifier");
        if (request == null || !request.get("redirect_uri").equals(form.get("redirect_uri"))
                || !request.get("client_id").equals(form.get("client_id")) || verifier == null
                || !s256(verifier).equals(request.get("code_challenge"))) {
            return Reply.json(400, Map.of("error", "invalid_grant", "error_description", "code, redirect_uri or code_verifier do not match"));
        }
        return tokens(null);
    }

    /** RFC 7636 §4.2, written from the RFC rather than taken from the library. */
    private static String s256(String verifier) {
        try {
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Issues tokens; with {@code keptRefresh} set the refresh token stays and the response omits it. */
    private Reply tokens(String keptRefresh) {
        String access = jwtAccessTokens ? jwt() : secret("at");
        validAccess.add(access);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", access);
        body.put("token_type", "Bearer");
        body.put("expires_in", accessTokenLifetime);
        body.put("scope", "openid profile email");
        var mint = idTokens;
        if (mint != null) {
            String idToken = mint.apply(clock.instant());
            issued.add(idToken);
            body.put("id_token", idToken);
        }
        String refresh = keptRefresh;
        if (refresh == null) {
            refresh = secret("rt");
            validRefresh.add(refresh);
            body.put("refresh_token", refresh);
        }
        pairs.put(access, refresh);
        tokenOverrides.forEach((k, v) -> {
            if (v == REMOVE) {
                body.remove(k);
            } else {
                body.put(k, v);
            }
        });
        return Reply.json(200, body);
    }

    /** header.payload.signature, base64url; the signature is not one (nothing here verifies it). */
    private String jwt() {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String payload = write(Map.of("sub", "user_01", "sid", "session_" + sequence.incrementAndGet(),
                "exp", clock.instant().getEpochSecond() + accessTokenLifetime));
        String token = b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + secret("sig");
        issued.add(token);
        return token;
    }

    private Reply revoke(Map<String, String> form) {
        String token = form.get("token");
        if (form.get("client_id") == null) {
            return Reply.error(401, "invalid_client");
        }
        if (token != null) {
            revoked.add(token);
            validAccess.remove(token);
            validRefresh.remove(token);
        }
        return Reply.raw(200, "");
    }

    private Reply userinfo(String authorization) {
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
        if (!validAccess.contains(token)) {
            return Reply.error(401, "invalid_token");
        }
        Map<String, ?> claims = userinfoClaims;
        return Reply.json(200, claims != null ? claims : Map.of("sub", "user-1234", "preferred_username", "alice",
                "name", userName, "email", "alice@example.com"));
    }

    private String secret(String kind) {
        StringBuilder value = new StringBuilder(kind + "-" + sequence.incrementAndGet() + "-" + UUID.randomUUID());
        if (value.length() < secretLength) {
            while (value.length() < secretLength) {
                value.append(UUID.randomUUID().toString().replace("-", ""));
            }
            value.setLength(secretLength);
        }
        issued.add(value.toString());
        return value.toString();
    }

    private static Map<String, String> decode(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String write(Object value) {
        try {
            return JSON.std.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
