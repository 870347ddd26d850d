///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS ../lib/JLogin.java

import dev.jlogin.cli.Cli;
import dev.jlogin.cli.commands.StatusCommand;

/** Shows every profile and whether it works. Run with --help for options. */
class status {
    public static void main(String[] args) {
        Cli.main(new StatusCommand(), args);
    }
}
