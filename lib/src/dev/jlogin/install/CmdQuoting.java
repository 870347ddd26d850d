package dev.jlogin.install;

import dev.jlogin.JLoginException;
import dev.jlogin.ServerText;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Values written into a {@code .cmd} launcher so that they reach java.exe exactly. cmd.exe expands
 * {@code %} in a batch file even inside double quotes, so it is doubled; inside double quotes
 * {@code ^ & | < >} and spaces are literal, and {@code !} is literal once the launcher turns delayed
 * expansion off. java.exe then splits its command line by the Microsoft C runtime's rules, under
 * which backslashes are literal except before a {@code "}: a value's trailing backslashes are
 * doubled before the closing quote. A {@code "} or a control character cannot pass reliably, so a
 * value holding one is refused. cmd.exe reads the file in the console's code page, so the file is
 * ASCII: the user's folders (where a user name may not be ASCII) are written as the variables
 * cmd.exe expands from its UTF-16 environment, and any other non-ASCII character is refused.
 */
final class CmdQuoting {
    private static final List<String> USER_FOLDERS = List.of("LOCALAPPDATA", "APPDATA", "USERPROFILE");

    /** The user folders' variables by their values at install time, longest first, so the closest one is used. */
    private final List<Map.Entry<String, String>> folders;

    CmdQuoting(Map<String, String> variables) {
        // a folder ending in '\' (a drive's root) would leave a reference that ends in a backslash
        folders = USER_FOLDERS.stream().filter(variables::containsKey)
                .map(name -> Map.entry(name, variables.get(name)))
                .filter(folder -> !folder.getValue().isEmpty() && !folder.getValue().endsWith("\\"))
                .sorted(Comparator.comparingInt((Map.Entry<String, String> folder) -> folder.getValue().length()).reversed())
                .toList();
    }

    /** {@code value} as one argument of java.exe. */
    String argument(String value) {
        String text = text(value, true);
        int trailing = text.length() - text.replaceAll("\\\\+$", "").length();
        return '"' + text + "\\".repeat(trailing) + '"';
    }

    /** {@code value} as a file name that cmd.exe itself reads ({@code if exist}, the program to start). */
    String path(String value) {
        return '"' + text(value, true) + '"';
    }

    /** {@code value} as the text of an {@code echo}: outside quotes, where cmd.exe's special characters are escaped with {@code ^}. */
    String echo(String value) {
        return text(value, false).replaceAll("[&|<>^]", "^$0");
    }

    /** The value with {@code %} doubled and, where {@code withFolders}, the user's folders as variable references. */
    private String text(String value, boolean withFolders) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < value.length(); ) {
            Map.Entry<String, String> folder = withFolders ? folderAt(value, i) : null;
            if (folder != null) {
                s.append('%').append(folder.getKey()).append('%');
                i += folder.getValue().length();
                continue;
            }
            char c = value.charAt(i++);
            if (c == '"' || c < ' ' || c == 0x7f) {
                throw refused(value, "a double quote or a control character cannot pass through cmd.exe");
            }
            if (c > 0x7f) {
                throw refused(value, "cmd.exe would misread its non-ASCII characters (it reads the file in the console's"
                        + " code page); install under an ASCII path (--bin-dir, --java-home)");
            }
            s.append(c == '%' ? "%%" : String.valueOf(c));
        }
        return s.toString();
    }

    /** The user folder {@code value} names at {@code i}, a whole folder name, or null. */
    private Map.Entry<String, String> folderAt(String value, int i) {
        for (Map.Entry<String, String> folder : folders) {
            int end = i + folder.getValue().length();
            if (value.startsWith(folder.getValue(), i) && (end == value.length() || value.charAt(end) == '\\'
                    || value.charAt(end) == ';')) {
                return folder;
            }
        }
        return null;
    }

    private static JLoginException refused(String value, String why) {
        return new JLoginException(JLoginException.Kind.CONFIGURATION, "cannot write " + ServerText.sanitizeWhole(value)
                + " into the Windows launcher: " + why);
    }
}
