///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS ../lib/JLogin.java

import dev.jlogin.cli.Cli;
import dev.jlogin.cli.commands.DoctorCommand;

/** Explains which token store is in use and what is wrong with it. Run with --help for options. */
class doctor {
    public static void main(String[] args) {
        Cli.main(new DoctorCommand(), args);
    }
}
