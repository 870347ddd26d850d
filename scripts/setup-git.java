///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS ../lib/JLogin.java

import dev.jlogin.cli.Cli;
import dev.jlogin.cli.commands.SetupGitCommand;

/** Configures git to take its credentials for the organisation's git hosts from git-credential. */
class setup_git {
    public static void main(String[] args) {
        Cli.main(new SetupGitCommand(), args);
    }
}
