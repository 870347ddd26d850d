package dev.jlogin.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jlogin.testing.FullTier;
import dev.jlogin.testing.JBang;
import dev.jlogin.testing.JsonSchemas;
import dev.jlogin.testing.StaticFileServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The installed launcher, installed through the catalog (an organisation's, pointing at ours, and
 * ours served over HTTP), then used as a user would: every subcommand, reinstall, a runtime that
 * disappeared, uninstall.
 */
@FullTier
class LauncherTest extends FakeServerScripts {
    private Path bin;
    private Path orgCatalog;

    @BeforeEach
    void orgCatalog() throws Exception {
        bin = home.resolve("bin");
        Path org = home.resolve("acme");
        Files.createDirectories(org);
        orgCatalog = org.resolve("jbang-catalog.json");
        String properties = "{\"jlogin.issuer\": \"" + server.issuer() + "\", \"jlogin.client-id\": \"acme-cli\","
                + " \"jlogin.name\": \"acme\", \"jlogin.catalog\": \"acme\"}";
        Files.writeString(orgCatalog, "{\"aliases\": {\"install\": {\"script-ref\": \"install@" + JBang.CATALOG
                + "\", \"properties\": " + properties + "}}}");
        // the launcher must work from the baked-in settings alone
        env.remove("JLOGIN_ISSUER");
        env.remove("JLOGIN_CLIENT_ID");
    }

    private JBang.Result acme(String args) {
        return jbang.shell("\"$HOME/bin/acme\" " + args);
    }

    private List<Path> installedFolders() throws Exception {
        try (Stream<Path> folders = Files.list(home.resolve(".local/share/jlogin/launchers/acme"))) {
            return folders.toList();
        }
    }

    @Test
    void installedFromAnOrganisationCatalogEverySubcommandWorks() throws Exception {
        JBang.Result install = jbang.run("install@" + orgCatalog, "--bin-dir", bin.toString());
        assertThat(install.exit()).as(install.err()).isZero();
        assertThat(install.out()).contains("Installed acme (jlogin ").contains(bin.resolve("acme").toString())
                .contains("jlogin.issuer=" + server.issuer());
        assertThat(install.err()).contains("is not on your PATH");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(bin.resolve("acme")))).isEqualTo("rwxr-xr-x");

        JBang.Result version = acme("--version");
        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(version.out()).contains("acme (jlogin ").contains("installed from: jbang install@acme")
                .contains("java:").contains("startup cache:");
        assertThat(acme("help").out()).contains("Usage: acme COMMAND").contains("token").contains("login");
        JBang.Result unknown = acme("tokne");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown command 'tokne'");

        // the class path: the library's jar first (all a token call opens), then the QR code library's
        List<String> script = Files.readAllLines(bin.resolve("acme"));
        String classPath = script.get(script.indexOf("  '-cp' \\") + 1);
        assertThat(classPath.split(":")).hasSize(2);
        assertThat(classPath.split(":")[1]).endsWith("/qrcodegen-1.8.0.jar' \\");
        assertThat(classPath.split(":")[0]).doesNotContain("qrcodegen");

        JBang.Running login = jbang.startShell("\"$HOME/bin/acme\" login --no-browser --qr");
        await().atMost(Duration.ofMinutes(1)).until(() -> !server.requests("/issuer/device").isEmpty()
                || !login.process().isAlive());
        server.approve();
        JBang.Result loggedIn = login.await();
        assertThat(loggedIn.exit()).as(loggedIn.err()).isZero();
        assertThat(server.requests("/issuer/device").get(0).form()).containsEntry("client_id", "acme-cli");
        assertThat(loggedIn.err()).contains("Or scan this QR code").contains("\u2588");

        int before = server.requests().size();
        JBang.Result token = acme("token");
        assertThat(token.exit()).as(token.err()).isZero();
        assertThat(token.err()).as("the JVM took the start-up cache without a word").isEmpty();
        assertThat(server.accepts(token.out().strip())).isTrue();
        assertThat(server.requests()).as("a valid cached token needs no request").hasSize(before);
        assertThat(acme("token --header").out()).isEqualTo("Authorization: Bearer " + token.out());
        // a token call never opens the QR code library: without its jar, it works all the same
        Path qrJar = Path.of(classPath.substring(classPath.indexOf(':') + 1, classPath.lastIndexOf('\'')));
        Path aside = home.resolve("qrcodegen.jar.aside");
        Files.move(qrJar, aside);
        JBang.Result withoutQrJar = acme("token");
        Files.move(aside, qrJar);
        assertThat(withoutQrJar.exit()).as(withoutQrJar.err()).isZero();
        assertThat(withoutQrJar.out()).isEqualTo(token.out());

        before = server.requests().size();
        JBang.Result forced = acme("token --min-valid 999999");
        assertThat(forced.exit()).as(forced.err()).isZero();
        assertThat(server.requests()).as("a refresh is one request").hasSize(before + 1);
        assertThat(server.refreshes()).hasSize(1);

        assertThat(acme("whoami").out()).contains("alice@example.com");
        assertThat(acme("refresh").exit()).isZero();
        assertThat(acme("doctor").exit()).isZero();
        JBang.Result revoke = acme("revoke");
        assertThat(revoke.exit()).as(revoke.err()).isZero();

        JBang.Result after = acme("token");
        assertThat(after.exit()).isEqualTo(3);
        assertThat(after.err()).contains("not logged in").endsWith("log in with: acme login\n");
        assertThat(Files.readString(bin.resolve("acme"))).doesNotContain(token.out().strip());

        // reinstalling replaces the launcher and leaves one folder of files, even when two run at once
        List<Path> first = installedFolders();
        JBang.Running one = jbang.start("install@" + orgCatalog, "--bin-dir", bin.toString());
        JBang.Running two = jbang.start("install@" + orgCatalog, "--bin-dir", bin.toString());
        assertThat(one.await().exit()).isZero();
        assertThat(two.await().exit()).isZero();
        assertThat(installedFolders()).hasSize(1).doesNotContainAnyElementsOf(first);
        assertThat(acme("--version").exit()).isZero();

        // setup-git and setup-kube write entries that run the launcher
        Path gitConfig = home.resolve("gitconfig");
        Path kubeconfig = home.resolve("kubeconfig");
        env.put("GIT_CONFIG_GLOBAL", gitConfig.toString());
        env.put("KUBECONFIG", kubeconfig.toString());
        assertThat(acme("setup-git --git-host git.example.com").exit()).isZero();
        assertThat(acme("setup-kube").exit()).isZero();
        assertThat(Files.readString(gitConfig)).contains(bin.resolve("acme").toString());
        assertThat(Files.readString(kubeconfig)).contains("name: acme");

        // files removed behind its back: one line that says how to reinstall
        for (Path folder : installedFolders()) {
            Files.delete(folder.resolve("install.properties"));
        }
        JBang.Result broken = acme("token");
        assertThat(broken.exit()).isEqualTo(2);
        assertThat(broken.err()).startsWith("acme: its files are gone")
                .contains("reinstall it with: jbang install@acme").hasLineCount(1);

        // without the --bin-dir of the install: it noted where the launcher went; and what setup-git
        // and setup-kube wrote for it goes with it
        JBang.Result uninstall = jbang.run("install@" + orgCatalog, "--uninstall");
        assertThat(uninstall.exit()).as(uninstall.err()).isZero();
        assertThat(uninstall.out()).contains("Removed acme: " + bin.resolve("acme"))
                .contains("git: credential.https://git.example.com.helper").contains("kubeconfig user: acme");
        assertThat(bin.resolve("acme")).doesNotExist();
        assertThat(home.resolve(".local/share/jlogin/launchers/acme")).doesNotExist();
        assertThat(Files.readString(gitConfig)).doesNotContain("acme");
        assertThat(Files.readString(kubeconfig)).doesNotContain("name: acme");
    }

    @Test
    void aRuntimeThatDisappearedIsOneLineAndExitTwo() throws Exception {
        // a runtime of its own (a wrapper around this test's JDK), so that it can be deleted
        Path jdk = home.resolve("jdk");
        Path realHome = Path.of(System.getProperty("java.home"));
        Files.createDirectories(jdk.resolve("bin"));
        Files.copy(realHome.resolve("release"), jdk.resolve("release"));
        Path java = Files.writeString(jdk.resolve("bin/java"), "#!/bin/sh\nexec '" + realHome.resolve("bin/java") + "' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        JBang.Result install = jbang.run("install@" + orgCatalog, "--bin-dir", bin.toString(), "--java-home", jdk.toString());
        assertThat(install.exit()).as(install.err()).isZero();
        assertThat(install.out()).contains(jdk.resolve("bin/java").toString());
        assertThat(acme("--version").out()).contains("startup cache:  CDS");

        Files.delete(java);
        JBang.Result gone = acme("token");
        assertThat(gone.exit()).isEqualTo(2);
        assertThat(gone.err()).isEqualTo("acme: its Java runtime is gone (" + java
                + "); reinstall it with: jbang install@acme\n");
    }

    @Test
    void aForeignFileIsNeverReplacedOrRemoved() throws Exception {
        Files.createDirectories(bin);
        Files.writeString(bin.resolve("acme"), "#!/bin/sh\necho somebody else's acme\n");

        JBang.Result install = jbang.run("install@" + orgCatalog, "--bin-dir", bin.toString());
        assertThat(install.exit()).isEqualTo(2);
        assertThat(install.err()).contains("was not written by jlogin's install");
        JBang.Result uninstall = jbang.run("install@" + orgCatalog, "--bin-dir", bin.toString(), "--uninstall");
        assertThat(uninstall.exit()).isEqualTo(2);
        assertThat(Files.readString(bin.resolve("acme"))).contains("somebody else's acme");
    }

    /** Side by side with the others: it compiles into a JBang cache of its own and installs into its own home. */
    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void installsFromTheCatalogServedOverHttp() {
        env.put("JLOGIN_ISSUER", server.issuer());
        env.put("JLOGIN_CLIENT_ID", "cli");
        try (StaticFileServer web = new StaticFileServer(JBang.REPO)) {
            env.put("JBANG_DIR", home.resolve("remote-jbang").toString());
            JBang.Result install = jbang.run("install@" + web.url("jbang-catalog.json"), "--bin-dir", bin.toString(),
                    "--name", "acme", "--json");
            assertThat(install.exit()).as(install.err()).isZero();
            JsonSchemas.documented().check("install", install.out());
            assertThat(web.served()).contains("scripts/install.java", "lib/src/dev/jlogin/install/Installer.java");
        }
        JBang.Result token = acme("token");
        assertThat(token.exit()).isEqualTo(3);
        assertThat(token.err()).contains("log in with: acme login");
    }
}
