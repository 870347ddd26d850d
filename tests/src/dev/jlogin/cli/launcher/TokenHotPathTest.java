package dev.jlogin.cli.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.cli.InProcessCommands;
import dev.jlogin.cli.commands.TokenCommand;
import dev.jlogin.oauth.IdTokenVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code token} with a valid token is the launcher's hot path: it must not load the classes of
 * ID-token verification, the JDK's signature and key machinery, its HTTP client or TLS, even when
 * the stored login holds an ID token; nor set up our own transport, discovery or browser opener,
 * the JDK's date formatters, the file store's ACL protection (POSIX systems need none of it), nor
 * any provider preset but the one in use. Checked in a fresh JVM through the class-loading log.
 */
class TokenHotPathTest extends InProcessCommands {
    private static final List<String> NOT_ON_THE_HOT_PATH = List.of("dev.jlogin.oauth.IdTokenVerifier",
            "dev.jlogin.oauth.SignedJwt", "dev.jlogin.oauth.JsonWebKeySet", "dev.jlogin.oauth.JwsAlgorithm",
            "java.security.Signature ", "java.security.KeyFactory ", "java.net.http.", "javax.net.ssl.",
            "dev.jlogin.http.HttpTransport ", "dev.jlogin.http.Network", "dev.jlogin.oauth.Discovery ",
            "dev.jlogin.store.MetadataCache ", "dev.jlogin.oauth.TokenResult", "dev.jlogin.browser.BrowserLauncher$",
            "dev.jlogin.browser.RedirectListener", "com.sun.net.httpserver.", "dev.jlogin.session.BrowserFlow", "dev.jlogin.oauth.Pkce",
            "java.time.format.DateTimeFormatter ", "java.time.Year ", "dev.jlogin.store.AclProtection ",
            "java.nio.file.attribute.Acl", "java.nio.file.attribute.UserPrincipalLookupService ",
            // a record's generated equals, hashCode or toString: its bootstrap costs 15-20 ms per call, start-up cache or not
            "java.lang.runtime.ObjectMethods ");

    @Test
    void aValidTokenIsPrintedWithoutLoadingVerificationCryptoOrHttpClasses() throws Exception {
        cli.clock.advance(Duration.between(cli.clock.instant(), Instant.now())); // the JVM below runs on the real clock
        cli.server.accessTokenLifetime(3600);
        cli.server.idTokens(cli.server::idToken);
        cli.server.offerTokenExchange();
        assertThat(cli.login().exit()).isZero();
        // the login holds a token for another API too, as a working day's does
        assertThat(cli.run(new TokenCommand(), "--audience", "orders-api").exit()).isZero();
        Path classes = Path.of(IdTokenVerifier.class.getProtectionDomain().getCodeSource().getLocation().toURI());

        List<String> loaded = classesLoaded(classes, Map.of(), "token");

        String token = Files.readString(home.resolve("out.txt")).strip();
        assertThat(token).startsWith("at-");
        assertThat(cli.server.accepts(token)).isTrue();
        assertThat(loaded).anyMatch(line -> line.contains("dev.jlogin.oauth.TokenSet ")); // the log is the one we think
        assertThat(loaded.stream().filter(line -> NOT_ON_THE_HOT_PATH.stream().anyMatch(line::contains))).isEmpty();
        // the login is for a standard server: the oidc preset, and no other preset's class
        assertThat(loaded.stream().map(line -> line.split(" ")[1]).filter(name -> name.matches("dev\\.jlogin\\.config\\.\\w*Provider")))
                .containsExactlyInAnyOrder("dev.jlogin.config.Provider", "dev.jlogin.config.OidcProvider");
        // kubectl's plugin (whose options are not token's; it writes a timestamp, so a formatter is
        // fine there) bootstraps no record method either
        List<String> kube = classesLoaded(classes, Map.of("KUBERNETES_EXEC_INFO", "{\"apiVersion\":"
                + "\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"spec\":{\"interactive\":false}}"), "kube-credential");
        assertThat(kube.stream().filter(line -> line.contains("java.lang.runtime.ObjectMethods "))).isEmpty();
    }

    /** The classes a launcher call loads, from the JVM's log; its stdout goes to out.txt. */
    private List<String> classesLoaded(Path classes, Map<String, String> variables, String... command) throws Exception {
        Path log = home.resolve("classes.log");
        List<String> line = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load:file=" + log, "-cp", classes.toString(), Launcher.class.getName()));
        line.addAll(List.of(command));
        ProcessBuilder java = new ProcessBuilder(line)
                .redirectOutput(home.resolve("out.txt").toFile()).redirectError(home.resolve("err.txt").toFile());
        java.environment().put("JLOGIN_HOME", home.toString());
        java.environment().remove("JLOGIN_ISSUER");
        java.environment().putAll(variables);
        Process process = java.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(home.resolve("err.txt"))).isZero();
        return Files.readAllLines(log);
    }
}
