///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS ../lib/JLogin.java

import dev.jlogin.cli.Cli;
import dev.jlogin.cli.commands.WhoamiCommand;

/** Shows who is logged in, where, and until when; never a token. Run with --help for options. */
class whoami {
    public static void main(String[] args) {
        Cli.main(new WhoamiCommand(), args);
    }
}
