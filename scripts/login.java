///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS ../lib/JLogin.java

import dev.jlogin.cli.Cli;
import dev.jlogin.cli.commands.LoginCommand;

/** Logs in with the OAuth 2.0 device flow and stores the tokens. Run with --help for options. */
class login {
    public static void main(String[] args) {
        Cli.main(new LoginCommand(), args);
    }
}
