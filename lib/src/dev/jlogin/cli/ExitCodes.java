package dev.jlogin.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The exit codes one command can end with, as its help lists them, so that nobody scripts around a
 * code the command never gives. Any command can end with 1 (a bug) and 2 (a usage error); each
 * declares the others it has.
 *
 * @param lead what else decides the status, said first (exec ends with its command's); empty if nothing
 */
public record ExitCodes(String lead, Set<ExitCode> codes) {
    /** A command that talks to no server and keeps no tokens: 0, 1 and 2. */
    static final ExitCodes DEFAULT = of(ExitCode.OK);

    public ExitCodes {
        EnumSet<ExitCode> all = EnumSet.of(ExitCode.UNEXPECTED, ExitCode.USAGE);
        all.addAll(codes);
        codes = Collections.unmodifiableSet(all);
    }

    static ExitCodes of(ExitCode... codes) {
        return new ExitCodes("", Set.of(codes));
    }

    /** The codes as a process reports them. */
    public Set<Integer> numbers() {
        Set<Integer> numbers = new java.util.TreeSet<>();
        codes.forEach(code -> numbers.add(code.code()));
        return numbers;
    }

    /** "Exit codes: 0 ok, 1 unexpected error, ...": the meanings of one number said together. */
    String help() {
        Map<Integer, List<String>> meanings = new LinkedHashMap<>();
        codes.forEach(code -> meanings.computeIfAbsent(code.code(), n -> new ArrayList<>()).add(code.meaning()));
        List<String> items = new ArrayList<>();
        meanings.forEach((number, said) -> items.add(number + " " + String.join(" or ", said)));
        return "Exit codes: " + (lead.isEmpty() ? "" : lead + ": ") + String.join(", ", items) + ".";
    }
}
