package dev.jlogin.cli;

import dev.jlogin.config.Setting;

/**
 * One command-line option as help shows it: {@code --name VALUE} and a line of description.
 * A switch has no value name.
 */
public record Option(String name, String valueName, String description) {
    /** An option that takes a value, such as {@code --profile NAME}. */
    public static Option value(String name, String valueName, String description) {
        return new Option(name, valueName, description);
    }

    /** A setting's flag, described by its declaration (with its variable, property and default). */
    public static Option of(Setting setting) {
        return new Option(setting.key(), setting.valueName(), setting.help());
    }

    /** A bare switch, such as {@code --json}. */
    public static Option flag(String name, String description) {
        return new Option(name, null, description);
    }

    public boolean takesValue() {
        return valueName != null;
    }

    /** "--name VALUE" or "--name". */
    public String synopsis() {
        return "--" + name + (takesValue() ? " " + valueName : "");
    }
}
