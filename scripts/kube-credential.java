///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS ../lib/JLogin.java

import dev.jlogin.cli.Cli;
import dev.jlogin.cli.KubeCredentialCommand;

/** A kubectl exec credential plugin: prints an ExecCredential with a valid access token. Run with --help for options. */
class kube_credential {
    public static void main(String[] args) {
        Cli.main(new KubeCredentialCommand(), args);
    }
}
