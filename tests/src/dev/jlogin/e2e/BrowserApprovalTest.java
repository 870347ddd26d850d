package dev.jlogin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jlogin.keycloak.Keycloak;
import dev.jlogin.keycloak.SharedKeycloak;
import dev.jlogin.sandbox.SandboxRealm;
import dev.jlogin.sandbox.TempFolders;
import dev.jlogin.testing.FullTier;
import dev.jlogin.testing.JBang;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person's path, with a real browser: headless Chromium opens the link that {@code login}
 * prints, signs in as the demo user and approves; the login completes. Both flows: the device
 * flow's link, and the browser login's authorization link, which comes back to login's listener. Needs Debian's chromium
 * and chromium-driver (installed by .ci/install-packages); without them this test fails.
 */
@ExtendWith(SharedKeycloak.class)
@FullTier
class BrowserApprovalTest {
    private static final String CHROMEDRIVER = System.getenv().getOrDefault("JLOGIN_CHROMEDRIVER", "/usr/bin/chromedriver");
    // /usr/bin/chromium is a wrapper script; the driver needs the real binary
    private static final String CHROMIUM = System.getenv().getOrDefault("JLOGIN_CHROMIUM", "/usr/lib/chromium/chromium");

    @TempDir
    Path home;

    @Test
    void chromiumApprovesTheLoginThatTheScriptStarted(Keycloak keycloak) throws Exception {
        KeycloakLogins logins = new KeycloakLogins(keycloak, home);

        JBang.Result login = logins.login(link -> approveInChromium(link, home.resolve("chromium-profile")));

        assertThat(login.exit()).as(login.err()).isZero();
        assertThat(login.out()).contains("\"status\":\"logged_in\"").contains("\"username\":\"alice\"");
        JBang.Result whoami = logins.jbang.run(KeycloakLogins.alias("whoami"));
        assertThat(whoami.out()).contains("alice@example.com");
    }

    @Test
    void theBrowserLoginCompletesInChromiumAndEveryCommandWorksAfterIt(Keycloak keycloak) throws Exception {
        KeycloakLogins logins = new KeycloakLogins(keycloak, home);

        // Keycloak checks the S256 challenge login sends, and lets the browser back only to 127.0.0.1/callback
        JBang.Result login = logins.browserLogin(link -> inChromium(home.resolve("chromium-profile"), (browser, wait) -> {
            browser.get(link.toString());
            signIn(browser, wait);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "You are logged in"));
            assertThat(browser.getCurrentUrl()).startsWith("http://127.0.0.1:").contains("/callback?");
        }));

        assertThat(login.exit()).as(login.err()).isZero();
        assertThat(login.out()).contains("\"status\":\"logged_in\"").contains("\"username\":\"alice\"");
        assertThat(logins.stored().tokens().refreshToken()).isPresent();
        assertThat(logins.jbang.run(KeycloakLogins.alias("whoami")).out()).contains("alice@example.com");
        JBang.Result refresh = logins.jbang.run(KeycloakLogins.alias("refresh"));
        assertThat(refresh.exit()).as(refresh.err()).isZero();
        JBang.Result token = logins.jbang.run(KeycloakLogins.alias("token"));
        assertThat(token.exit()).as(token.err()).isZero();
        assertThat(token.out().strip()).isEqualTo(logins.stored().tokens().accessToken().reveal());
        JBang.Result revoke = logins.jbang.run(KeycloakLogins.alias("revoke"));
        assertThat(revoke.exit()).as(revoke.err()).isZero();
        assertThat(logins.jbang.run(KeycloakLogins.alias("whoami")).exit()).isEqualTo(3);
    }

    private static void approveInChromium(URI link, Path profile) {
        inChromium(profile, (browser, wait) -> {
            browser.get(link.toString());
            signIn(browser, wait);
            // the consent page ("Grant Access to ...") has its own Yes button with the same id
            wait.until(ExpectedConditions.urlContains("OAUTH_GRANT"));
            wait.until(ExpectedConditions.elementToBeClickable(By.id("kc-login"))).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Device Login Successful"));
        });
    }

    private static void signIn(WebDriver browser, WebDriverWait wait) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(SandboxRealm.USER);
        browser.findElement(By.id("password")).sendKeys(SandboxRealm.PASSWORD);
        browser.findElement(By.id("kc-login")).click();
    }

    /** Headless Chromium with a profile of its own, quit (and its profile removed) after {@code steps}. */
    private static void inChromium(Path profile, BiConsumer<WebDriver, WebDriverWait> steps) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // no sandbox: CI runs as root; no background networking: this machine's network is closed
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        WebDriver browser = new ChromeDriver(service, options);
        try {
            steps.accept(browser, new WebDriverWait(browser, Duration.ofSeconds(60)));
        } finally {
            browser.quit();
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            TempFolders.delete(dir);
        } catch (java.io.IOException e) {
            // a temp folder; JUnit removes it too
        }
    }
}
