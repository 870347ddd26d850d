//MAIN dev.jlogin.cli.Launcher
//JAVAC_OPTIONS -XDignore.symbol.file
//DEPS io.nayuki:qrcodegen:1.8.0
//SOURCES src/dev/jlogin/Host.java
//SOURCES src/dev/jlogin/JLoginException.java
//SOURCES src/dev/jlogin/Secret.java
//SOURCES src/dev/jlogin/ServerText.java
//SOURCES src/dev/jlogin/Version.java
//SOURCES src/dev/jlogin/cli/Args.java
//SOURCES src/dev/jlogin/cli/BrowserLauncher.java
//SOURCES src/dev/jlogin/cli/CancelOnInterrupt.java
//SOURCES src/dev/jlogin/cli/Cli.java
//SOURCES src/dev/jlogin/cli/Clipboard.java
//SOURCES src/dev/jlogin/cli/Command.java
//SOURCES src/dev/jlogin/cli/CommandSpec.java
//SOURCES src/dev/jlogin/cli/Context.java
//SOURCES src/dev/jlogin/cli/DeviceLogin.java
//SOURCES src/dev/jlogin/cli/DoctorCommand.java
//SOURCES src/dev/jlogin/cli/Environment.java
//SOURCES src/dev/jlogin/cli/ExecCommand.java
//SOURCES src/dev/jlogin/cli/ExitCode.java
//SOURCES src/dev/jlogin/cli/Format.java
//SOURCES src/dev/jlogin/cli/GitCredentialCommand.java
//SOURCES src/dev/jlogin/cli/GitHosts.java
//SOURCES src/dev/jlogin/cli/InstallCommand.java
//SOURCES src/dev/jlogin/cli/Invocation.java
//SOURCES src/dev/jlogin/cli/KubeCredentialCommand.java
//SOURCES src/dev/jlogin/cli/Launcher.java
//SOURCES src/dev/jlogin/cli/LauncherTraining.java
//SOURCES src/dev/jlogin/cli/LoginCommand.java
//SOURCES src/dev/jlogin/cli/Nearest.java
//SOURCES src/dev/jlogin/cli/Option.java
//SOURCES src/dev/jlogin/cli/OptionGroup.java
//SOURCES src/dev/jlogin/cli/Options.java
//SOURCES src/dev/jlogin/cli/QrCodeText.java
//SOURCES src/dev/jlogin/cli/RefreshCommand.java
//SOURCES src/dev/jlogin/cli/RevokeCommand.java
//SOURCES src/dev/jlogin/cli/SetupGitCommand.java
//SOURCES src/dev/jlogin/cli/SetupKubeCommand.java
//SOURCES src/dev/jlogin/cli/SignalForwarder.java
//SOURCES src/dev/jlogin/cli/StatusCommand.java
//SOURCES src/dev/jlogin/cli/StatusLine.java
//SOURCES src/dev/jlogin/cli/Terminal.java
//SOURCES src/dev/jlogin/cli/TokenCommand.java
//SOURCES src/dev/jlogin/cli/WhoamiCommand.java
//SOURCES src/dev/jlogin/config/Auth0Provider.java
//SOURCES src/dev/jlogin/config/ClientSecretFile.java
//SOURCES src/dev/jlogin/config/EntraProvider.java
//SOURCES src/dev/jlogin/config/GitHubProvider.java
//SOURCES src/dev/jlogin/config/GoogleProvider.java
//SOURCES src/dev/jlogin/config/JLoginHome.java
//SOURCES src/dev/jlogin/config/OidcProvider.java
//SOURCES src/dev/jlogin/config/Provider.java
//SOURCES src/dev/jlogin/config/Providers.java
//SOURCES src/dev/jlogin/config/SettingSource.java
//SOURCES src/dev/jlogin/config/Settings.java
//SOURCES src/dev/jlogin/config/SettingsResolver.java
//SOURCES src/dev/jlogin/config/WorkOsProvider.java
//SOURCES src/dev/jlogin/device/DevicePoller.java
//SOURCES src/dev/jlogin/device/PollOutcome.java
//SOURCES src/dev/jlogin/device/Sleeper.java
//SOURCES src/dev/jlogin/http/HttpLog.java
//SOURCES src/dev/jlogin/http/HttpResult.java
//SOURCES src/dev/jlogin/http/HttpSender.java
//SOURCES src/dev/jlogin/http/HttpTransport.java
//SOURCES src/dev/jlogin/http/Network.java
//SOURCES src/dev/jlogin/http/TransportException.java
//SOURCES src/dev/jlogin/install/Installer.java
//SOURCES src/dev/jlogin/install/JavaRuntime.java
//SOURCES src/dev/jlogin/install/JavaRuntimes.java
//SOURCES src/dev/jlogin/install/LauncherScript.java
//SOURCES src/dev/jlogin/install/LibraryJars.java
//SOURCES src/dev/jlogin/install/Platform.java
//SOURCES src/dev/jlogin/install/StartupCache.java
//SOURCES src/dev/jlogin/integration/ExecCredential.java
//SOURCES src/dev/jlogin/integration/GitCredentialMessage.java
//SOURCES src/dev/jlogin/integration/GitHost.java
//SOURCES src/dev/jlogin/json/Json.java
//SOURCES src/dev/jlogin/json/JsonObject.java
//SOURCES src/dev/jlogin/json/JsonReader.java
//SOURCES src/dev/jlogin/json/MalformedJsonException.java
//SOURCES src/dev/jlogin/oauth/Base64Url.java
//SOURCES src/dev/jlogin/oauth/Bounded.java
//SOURCES src/dev/jlogin/oauth/Client.java
//SOURCES src/dev/jlogin/oauth/DeviceAuthorization.java
//SOURCES src/dev/jlogin/oauth/DeviceAuthorizationClient.java
//SOURCES src/dev/jlogin/oauth/Dialect.java
//SOURCES src/dev/jlogin/oauth/Discovery.java
//SOURCES src/dev/jlogin/oauth/Endpoints.java
//SOURCES src/dev/jlogin/oauth/IdTokenCheck.java
//SOURCES src/dev/jlogin/oauth/IdTokenVerifier.java
//SOURCES src/dev/jlogin/oauth/JsonWebKey.java
//SOURCES src/dev/jlogin/oauth/JsonWebKeySet.java
//SOURCES src/dev/jlogin/oauth/JwsAlgorithm.java
//SOURCES src/dev/jlogin/oauth/NotJson.java
//SOURCES src/dev/jlogin/oauth/OAuthError.java
//SOURCES src/dev/jlogin/oauth/RevocationClient.java
//SOURCES src/dev/jlogin/oauth/ServerMetadata.java
//SOURCES src/dev/jlogin/oauth/SignedJwt.java
//SOURCES src/dev/jlogin/oauth/TokenEndpoint.java
//SOURCES src/dev/jlogin/oauth/TokenResult.java
//SOURCES src/dev/jlogin/oauth/TokenSet.java
//SOURCES src/dev/jlogin/oauth/UserInfoClient.java
//SOURCES src/dev/jlogin/session/AccessToken.java
//SOURCES src/dev/jlogin/session/AuthorizedHttp.java
//SOURCES src/dev/jlogin/session/DeviceFlow.java
//SOURCES src/dev/jlogin/session/Identity.java
//SOURCES src/dev/jlogin/session/IdentityLookup.java
//SOURCES src/dev/jlogin/session/JLogin.java
//SOURCES src/dev/jlogin/session/Login.java
//SOURCES src/dev/jlogin/session/LoginListener.java
//SOURCES src/dev/jlogin/session/Logout.java
//SOURCES src/dev/jlogin/session/MetadataResolver.java
//SOURCES src/dev/jlogin/session/PrintingListener.java
//SOURCES src/dev/jlogin/session/Refresh.java
//SOURCES src/dev/jlogin/session/Revocation.java
//SOURCES src/dev/jlogin/session/TokenManager.java
//SOURCES src/dev/jlogin/store/Backends.java
//SOURCES src/dev/jlogin/store/FallbackBackend.java
//SOURCES src/dev/jlogin/store/FileBackend.java
//SOURCES src/dev/jlogin/store/HelperCommand.java
//SOURCES src/dev/jlogin/store/KeychainBackend.java
//SOURCES src/dev/jlogin/store/KeyringProbe.java
//SOURCES src/dev/jlogin/store/KeyringUnavailableException.java
//SOURCES src/dev/jlogin/store/MemoryBackend.java
//SOURCES src/dev/jlogin/store/MetadataCache.java
//SOURCES src/dev/jlogin/store/ProfileLock.java
//SOURCES src/dev/jlogin/store/RejectedTokens.java
//SOURCES src/dev/jlogin/store/SavedSettings.java
//SOURCES src/dev/jlogin/store/SecretBackend.java
//SOURCES src/dev/jlogin/store/SecretServiceBackend.java
//SOURCES src/dev/jlogin/store/SecureFiles.java
//SOURCES src/dev/jlogin/store/StoredLogin.java
//SOURCES src/dev/jlogin/store/TokenStore.java
//SOURCES src/dev/jlogin/store/UtcInstant.java

/**
 * The jlogin library as one JBang dependency. Scripts say {@code //DEPS ../lib/JLogin.java};
 * JBang then builds the files listed above into a jar of their own. The list is explicit
 * because JBang ignores {@code //SOURCES} globs when a script is run from a URL; a test checks
 * that it names every file under lib/src. The library needs nothing but the JDK and one small jar,
 * Nayuki's QR Code generator, which draws login's QR code (only login loads it).
 * {@code //MAIN} names the installed launcher's entry point, so that JBang does not have to guess
 * among the library's main methods when it builds the jar. {@code -XDignore.symbol.file} keeps javac
 * from warning every first-time user about {@code sun.misc.Signal}, which exec needs to pass
 * signals on (the JDK has no public API for it).
 */
public class JLogin {
    private JLogin() {
    }
}
