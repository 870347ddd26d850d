///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS ../lib/JLogin.java
// A call lives a fraction of a second: C1 only, no GC threads, no perf-data file; JVM messages never on stdout
//JAVA_OPTIONS -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xlog:disable -Xlog:all=warning:stderr -XX:+DisplayVMOutputToStderr

import dev.jlogin.cli.Cli;
import dev.jlogin.cli.commands.ExecCommand;

/** Runs a command with a valid access token in its environment. Run with --help for options. */
class exec {
    public static void main(String[] args) {
        Cli.main(new ExecCommand(), args);
    }
}
