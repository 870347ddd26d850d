///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS ../lib/JLogin.java

import dev.jlogin.cli.Cli;
import dev.jlogin.cli.commands.SetupKubeCommand;

/** Writes a kubeconfig user whose token comes from kube-credential. Run with --help for options. */
class setup_kube {
    public static void main(String[] args) {
        Cli.main(new SetupKubeCommand(), args);
    }
}
