///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS ../lib/JLogin.java

import dev.jlogin.cli.Cli;
import dev.jlogin.cli.launcher.InstallCommand;

/** Installs a launcher command that runs jlogin in one JVM. Run with --help for options. */
class install {
    public static void main(String[] args) {
        Cli.main(new InstallCommand(), args);
    }
}
