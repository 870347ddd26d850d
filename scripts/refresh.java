///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS ../lib/JLogin.java

import dev.jlogin.cli.Cli;
import dev.jlogin.cli.commands.RefreshCommand;

/** Refreshes the access token now and reports the new expiry. Run with --help for options. */
class refresh {
    public static void main(String[] args) {
        Cli.main(new RefreshCommand(), args);
    }
}
