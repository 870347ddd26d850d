package dev.jlogin.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * macOS's {@code security} tool, run the only ways that keep secrets off every command line: a
 * password is only ever written to {@code security -i}'s stdin or read from its stdout. What the
 * tool prints on stderr is never used in a message: it echoes a command line it could not parse,
 * and ours carry encoded tokens. Failures are told by exit status alone.
 */
final class SecurityTool {
    /**
     * The longest command line {@code security -i} takes whole: it reads into a 4096-byte buffer
     * (MAX_LINE_LEN), and a longer line is cut there and its rest run as another command.
     */
    static final int MAX_LINE = 4095;
    /** errSecItemNotFound (-25300) as an exit status, which keeps the low byte. */
    static final int NOT_FOUND = 44;

    private final String program;
    private final Duration timeout;

    SecurityTool(String program, Duration timeout) {
        this.program = program;
        this.timeout = timeout;
    }

    /** The password of one item, or empty if there is none. */
    Optional<String> find(String service, String account) throws IOException {
        HelperCommand.Result result = HelperCommand.run(
                List.of(program, "find-generic-password", "-s", service, "-a", account, "-w"), new byte[0], timeout);
        if (result.exit() == NOT_FOUND) {
            return Optional.empty();
        }
        check(result.exit(), "read");
        return Optional.of(stripNewline(result.out()));
    }

    /**
     * Runs {@code lines} in one {@code security -i}: its stdout, and the exit status of its last
     * command (earlier failures only show on stderr, which is not ours to show).
     */
    HelperCommand.Result session(List<String> lines) throws IOException {
        StringBuilder input = new StringBuilder();
        for (String line : lines) {
            if (line.length() > MAX_LINE || line.indexOf('\n') >= 0) {
                throw new IllegalStateException("a security -i command line must fit its buffer");
            }
            input.append(line).append('\n');
        }
        HelperCommand.Result result = HelperCommand.run(List.of(program, "-i"),
                input.toString().getBytes(StandardCharsets.UTF_8), timeout);
        return new HelperCommand.Result(result.exit(), result.out(), "");
    }

    /** "answers", or why not: for doctor. */
    String probe() {
        try {
            check(HelperCommand.run(List.of(program, "list-keychains"), new byte[0], timeout).exit(), "list");
            return "answers";
        } catch (IOException e) {
            return "fails: " + e.getMessage();
        }
    }

    void check(int exit, String what) throws KeyringUnavailableException {
        if (exit != 0) {
            throw new KeyringUnavailableException("security could not " + what + " the Keychain: " + reason(exit));
        }
    }

    /** The OSStatus behind an exit status, where one is common enough to explain. */
    static String reason(int exit) {
        switch (exit) {
            case 36:
                return "it is locked and may not ask to be unlocked here (errSecInteractionNotAllowed; over SSH, run"
                        + " 'security unlock-keychain' first)";
            case 51:
                return "access was refused (errSecAuthFailed)";
            case 128:
                return "the Keychain prompt was cancelled (errSecUserCanceled)";
            case 50:
                return "there is no default Keychain (errSecNoSuchKeychain)";
            default:
                return "exit status " + exit;
        }
    }

    private static String stripNewline(String out) {
        return out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
    }
}
