package dev.jlogin.integration;

import dev.jlogin.JLoginException;
import dev.jlogin.Secret;
import dev.jlogin.json.Json;
import dev.jlogin.json.JsonObject;
import dev.jlogin.json.MalformedJsonException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Kubernetes client-authentication API's {@code ExecCredential}, as an exec credential plugin
 * sees it: kubectl describes its request in {@code KUBERNETES_EXEC_INFO}, and the plugin answers
 * on stdout with the same {@code apiVersion}, a bearer token and when it expires.
 */
public final class ExecCredential {
    public static final String V1 = "client.authentication.k8s.io/v1";
    public static final String V1BETA1 = "client.authentication.k8s.io/v1beta1";
    public static final List<String> SUPPORTED = List.of(V1, V1BETA1);
    public static final String VARIABLE = "KUBERNETES_EXEC_INFO";

    private ExecCredential() {
    }

    /** What kubectl asks for: which API version to answer in, and whether a person can answer prompts. */
    public record Request(String apiVersion, boolean interactive) {
    }

    /**
     * Reads the value of {@code KUBERNETES_EXEC_INFO}. Without it we cannot know which version to
     * answer in, so a missing or broken value is a configuration error (the plugin was not run
     * by kubectl, or by one too old to say).
     */
    public static Request parse(String execInfo) {
        if (execInfo == null || execInfo.isBlank()) {
            throw configuration(VARIABLE + " is not set: this command is run by kubectl as an exec credential plugin");
        }
        try {
            JsonObject json = JsonObject.parse(execInfo);
            String kind = json.string("kind").orElse("ExecCredential");
            if (!kind.equals("ExecCredential")) {
                throw configuration(VARIABLE + " is not an ExecCredential");
            }
            String apiVersion = json.requireString("apiVersion");
            if (!SUPPORTED.contains(apiVersion)) {
                throw configuration("kubectl asks for an ExecCredential of an unsupported apiVersion; supported: "
                        + String.join(", ", SUPPORTED));
            }
            Optional<JsonObject> spec = json.object("spec");
            boolean interactive = spec.isPresent() && spec.get().bool("interactive").orElse(false);
            return new Request(apiVersion, interactive);
        } catch (MalformedJsonException e) {
            throw configuration(VARIABLE + " is malformed: " + e.getMessage());
        }
    }

    /**
     * The answer: {@code status.token}, and {@code status.expirationTimestamp} (RFC 3339, UTC) when
     * the expiry is known. kubectl keeps using the token until that moment, so the caller passes
     * the time by which it wants to be asked again, not the token's last second.
     */
    public static String write(Request request, Secret token, Optional<Instant> expiration) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("token", token.reveal());
        expiration.ifPresent(at -> status.put("expirationTimestamp", at.truncatedTo(ChronoUnit.SECONDS).toString()));
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("apiVersion", request.apiVersion());
        credential.put("kind", "ExecCredential");
        credential.put("status", status);
        return Json.write(credential);
    }

    private static JLoginException configuration(String message) {
        return new JLoginException(JLoginException.Kind.CONFIGURATION, message);
    }
}
