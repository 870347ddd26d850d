//JAVAC_OPTIONS -XDignore.symbol.file
//SOURCES ../lib/src/dev/jlogin/JLoginException.java
//SOURCES ../lib/src/dev/jlogin/Secret.java
//SOURCES ../lib/src/dev/jlogin/Version.java
//SOURCES ../lib/src/dev/jlogin/cli/Args.java
//SOURCES ../lib/src/dev/jlogin/cli/BrowserLauncher.java
//SOURCES ../lib/src/dev/jlogin/cli/CancelOnInterrupt.java
//SOURCES ../lib/src/dev/jlogin/cli/Cli.java
//SOURCES ../lib/src/dev/jlogin/cli/Command.java
//SOURCES ../lib/src/dev/jlogin/cli/CommandSpec.java
//SOURCES ../lib/src/dev/jlogin/cli/Context.java
//SOURCES ../lib/src/dev/jlogin/cli/DeviceLogin.java
//SOURCES ../lib/src/dev/jlogin/cli/DoctorCommand.java
//SOURCES ../lib/src/dev/jlogin/cli/Environment.java
//SOURCES ../lib/src/dev/jlogin/cli/ExecCommand.java
//SOURCES ../lib/src/dev/jlogin/cli/ExitCode.java
//SOURCES ../lib/src/dev/jlogin/cli/Format.java
//SOURCES ../lib/src/dev/jlogin/cli/GitCredentialCommand.java
//SOURCES ../lib/src/dev/jlogin/cli/GitHosts.java
//SOURCES ../lib/src/dev/jlogin/cli/InstallCommand.java
//SOURCES ../lib/src/dev/jlogin/cli/Invocation.java
//SOURCES ../lib/src/dev/jlogin/cli/KubeCredentialCommand.java
//SOURCES ../lib/src/dev/jlogin/cli/Launcher.java
//SOURCES ../lib/src/dev/jlogin/cli/LauncherTraining.java
//SOURCES ../lib/src/dev/jlogin/cli/LoginCommand.java
//SOURCES ../lib/src/dev/jlogin/cli/Nearest.java
//SOURCES ../lib/src/dev/jlogin/cli/Option.java
//SOURCES ../lib/src/dev/jlogin/cli/OptionGroup.java
//SOURCES ../lib/src/dev/jlogin/cli/Options.java
//SOURCES ../lib/src/dev/jlogin/cli/RefreshCommand.java
//SOURCES ../lib/src/dev/jlogin/cli/RevokeCommand.java
//SOURCES ../lib/src/dev/jlogin/cli/SetupGitCommand.java
//SOURCES ../lib/src/dev/jlogin/cli/SetupKubeCommand.java
//SOURCES ../lib/src/dev/jlogin/cli/SignalForwarder.java
//SOURCES ../lib/src/dev/jlogin/cli/StatusCommand.java
//SOURCES ../lib/src/dev/jlogin/cli/Terminal.java
//SOURCES ../lib/src/dev/jlogin/cli/TokenCommand.java
//SOURCES ../lib/src/dev/jlogin/cli/WhoamiCommand.java
//SOURCES ../lib/src/dev/jlogin/config/JLoginHome.java
//SOURCES ../lib/src/dev/jlogin/config/SettingSource.java
//SOURCES ../lib/src/dev/jlogin/config/Settings.java
//SOURCES ../lib/src/dev/jlogin/config/SettingsResolver.java
//SOURCES ../lib/src/dev/jlogin/device/DevicePoller.java
//SOURCES ../lib/src/dev/jlogin/device/PollOutcome.java
//SOURCES ../lib/src/dev/jlogin/device/Sleeper.java
//SOURCES ../lib/src/dev/jlogin/http/HttpLog.java
//SOURCES ../lib/src/dev/jlogin/http/HttpResult.java
//SOURCES ../lib/src/dev/jlogin/http/HttpTransport.java
//SOURCES ../lib/src/dev/jlogin/http/Network.java
//SOURCES ../lib/src/dev/jlogin/http/TransportException.java
//SOURCES ../lib/src/dev/jlogin/install/Installer.java
//SOURCES ../lib/src/dev/jlogin/install/JavaRuntime.java
//SOURCES ../lib/src/dev/jlogin/install/JavaRuntimes.java
//SOURCES ../lib/src/dev/jlogin/install/LauncherScript.java
//SOURCES ../lib/src/dev/jlogin/install/LibraryJars.java
//SOURCES ../lib/src/dev/jlogin/install/Platform.java
//SOURCES ../lib/src/dev/jlogin/install/StartupCache.java
//SOURCES ../lib/src/dev/jlogin/integration/ExecCredential.java
//SOURCES ../lib/src/dev/jlogin/integration/GitCredentialMessage.java
//SOURCES ../lib/src/dev/jlogin/integration/GitHost.java
//SOURCES ../lib/src/dev/jlogin/json/Json.java
//SOURCES ../lib/src/dev/jlogin/json/JsonObject.java
//SOURCES ../lib/src/dev/jlogin/json/JsonReader.java
//SOURCES ../lib/src/dev/jlogin/json/MalformedJsonException.java
//SOURCES ../lib/src/dev/jlogin/oauth/Bounded.java
//SOURCES ../lib/src/dev/jlogin/oauth/Client.java
//SOURCES ../lib/src/dev/jlogin/oauth/DeviceAuthorization.java
//SOURCES ../lib/src/dev/jlogin/oauth/DeviceAuthorizationClient.java
//SOURCES ../lib/src/dev/jlogin/oauth/Discovery.java
//SOURCES ../lib/src/dev/jlogin/oauth/Endpoints.java
//SOURCES ../lib/src/dev/jlogin/oauth/IdTokenClaims.java
//SOURCES ../lib/src/dev/jlogin/oauth/OAuthError.java
//SOURCES ../lib/src/dev/jlogin/oauth/RevocationClient.java
//SOURCES ../lib/src/dev/jlogin/oauth/ServerMetadata.java
//SOURCES ../lib/src/dev/jlogin/oauth/TokenEndpoint.java
//SOURCES ../lib/src/dev/jlogin/oauth/TokenResult.java
//SOURCES ../lib/src/dev/jlogin/oauth/TokenSet.java
//SOURCES ../lib/src/dev/jlogin/oauth/UserInfoClient.java
//SOURCES ../lib/src/dev/jlogin/session/Identity.java
//SOURCES ../lib/src/dev/jlogin/session/IdentityLookup.java
//SOURCES ../lib/src/dev/jlogin/session/MetadataResolver.java
//SOURCES ../lib/src/dev/jlogin/session/TokenManager.java
//SOURCES ../lib/src/dev/jlogin/store/Backends.java
//SOURCES ../lib/src/dev/jlogin/store/FallbackBackend.java
//SOURCES ../lib/src/dev/jlogin/store/FileBackend.java
//SOURCES ../lib/src/dev/jlogin/store/HelperCommand.java
//SOURCES ../lib/src/dev/jlogin/store/KeychainBackend.java
//SOURCES ../lib/src/dev/jlogin/store/KeyringProbe.java
//SOURCES ../lib/src/dev/jlogin/store/KeyringUnavailableException.java
//SOURCES ../lib/src/dev/jlogin/store/MemoryBackend.java
//SOURCES ../lib/src/dev/jlogin/store/MetadataCache.java
//SOURCES ../lib/src/dev/jlogin/store/ProfileLock.java
//SOURCES ../lib/src/dev/jlogin/store/RejectedTokens.java
//SOURCES ../lib/src/dev/jlogin/store/SavedSettings.java
//SOURCES ../lib/src/dev/jlogin/store/SecretBackend.java
//SOURCES ../lib/src/dev/jlogin/store/SecretServiceBackend.java
//SOURCES ../lib/src/dev/jlogin/store/SecureFiles.java
//SOURCES ../lib/src/dev/jlogin/store/StoredLogin.java
//SOURCES ../lib/src/dev/jlogin/store/TokenStore.java
//SOURCES ../lib/src/dev/jlogin/store/UtcInstant.java
//SOURCES src/dev/jlogin/sandbox/DemoUser.java
//SOURCES src/dev/jlogin/sandbox/KeycloakDistribution.java
//SOURCES src/dev/jlogin/sandbox/KeycloakProcess.java
//SOURCES src/dev/jlogin/sandbox/SandboxCommand.java
//SOURCES src/dev/jlogin/sandbox/SandboxRealm.java
//SOURCES src/dev/jlogin/sandbox/TempFolders.java

/**
 * The sandbox tool (a local Keycloak with a demo realm, and the tour) as one JBang dependency of
 * its own, so that the library every {@code token} call compiles does not carry it. scripts/sandbox.java
 * says {@code //DEPS ../sandbox/Sandbox.java}. The list names the library's files as well as the
 * sandbox's: JBang gives a script only its own dependencies' classes, not theirs, and refuses a
 * script that reaches lib/JLogin.java by two paths. Like lib/JLogin.java it lists files one by one,
 * because JBang ignores {@code //SOURCES} globs when a script is run from a URL.
 */
public class Sandbox {
    private Sandbox() {
    }
}
