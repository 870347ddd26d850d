package dev.jlogin.cli;

import java.util.List;

/**
 * Options that go together under a heading in help, declared once and shared by reference by the
 * commands that use them; {@code notes} are lines shown after the options (related variables).
 */
public record OptionGroup(String title, List<Option> options, List<String> notes) {
    public OptionGroup {
        options = List.copyOf(options);
        notes = List.copyOf(notes);
    }

    public static OptionGroup of(String title, Option... options) {
        return new OptionGroup(title, List.of(options), List.of());
    }

    public OptionGroup withNotes(String... lines) {
        return new OptionGroup(title, options, List.of(lines));
    }
}
