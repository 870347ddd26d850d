///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS ../sandbox/Sandbox.java

import dev.jlogin.cli.Cli;
import dev.jlogin.sandbox.SandboxCommand;

/** Runs a local Keycloak with a demo realm (or, with --tour, a tour of every command). Run with --help for options. */
class sandbox {
    public static void main(String[] args) {
        Cli.main(new SandboxCommand(), args);
    }
}
