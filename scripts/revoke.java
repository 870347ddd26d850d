///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS ../lib/JLogin.java

import dev.jlogin.cli.Cli;
import dev.jlogin.cli.commands.RevokeCommand;

/** Revokes the tokens at the server and deletes them locally. Run with --help for options. */
class revoke {
    public static void main(String[] args) {
        Cli.main(new RevokeCommand(), args);
    }
}
