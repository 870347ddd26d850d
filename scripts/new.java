///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS ../lib/JLogin.java

import dev.jlogin.cli.Cli;
import dev.jlogin.cli.commands.NewCommand;

/** Writes a runbook or notebook that uses the jlogin library. Run with --help for options. */
class new_ {
    public static void main(String[] args) {
        Cli.main(new NewCommand(), args);
    }
}
