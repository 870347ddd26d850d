///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS ../lib/JLogin.java

import dev.jlogin.cli.Cli;
import dev.jlogin.cli.commands.AuditCommand;

/** Classifies every profile against the organisation's policy. Run with --help for options. */
class audit {
    public static void main(String[] args) {
        Cli.main(new AuditCommand(), args);
    }
}
