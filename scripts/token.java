///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS ../lib/JLogin.java

import dev.jlogin.cli.Cli;
import dev.jlogin.cli.TokenCommand;

/** Prints a valid access token into a pipe, refreshing it first if needed. Run with --help for options. */
class token {
    public static void main(String[] args) {
        Cli.main(new TokenCommand(), args);
    }
}
