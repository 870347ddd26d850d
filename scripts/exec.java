///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS ../lib/JLogin.java

import dev.jlogin.cli.Cli;
import dev.jlogin.cli.ExecCommand;

/** Runs a command with a valid access token in its environment. Run with --help for options. */
class exec {
    public static void main(String[] args) {
        Cli.main(new ExecCommand(), args);
    }
}
