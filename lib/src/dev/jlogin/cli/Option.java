package dev.jlogin.cli;

/**
 * One command-line option as help shows it: {@code --name VALUE} and a line of description.
 * A switch has no value name.
 */
public record Option(String name, String valueName, String description) {
    /** An option that takes a value, such as {@code --profile NAME}. */
    public static Option value(String name, String valueName, String description) {
        return new Option(name, valueName, description);
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
