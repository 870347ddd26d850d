///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS ../lib/JLogin.java

import dev.jlogin.cli.Cli;
import dev.jlogin.cli.GitCredentialCommand;

/** A git credential helper that answers with the access token. Run with --help for options. */
class git_credential {
    public static void main(String[] args) {
        Cli.main(new GitCredentialCommand(), args);
    }
}
