package dev.jlogin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jlogin.JLoginException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Options, operands and the command after '--'. */
class ArgsTest {
    private static final Set<String> VALUES = Set.of("env", "git-host");
    private static final Set<String> SWITCHES = Set.of("verbose");

    @Test
    void everythingAfterTheDoubleDashIsTheCommandUntouched() {
        Args args = Args.parse(new String[] {"--env", "T", "--verbose", "--", "sh", "-c", "--verbose", "--", "x"},
                VALUES, SWITCHES, 0, true);

        assertThat(args.value("env")).contains("T");
        assertThat(args.has("verbose")).isTrue();
        assertThat(args.command()).containsExactly("sh", "-c", "--verbose", "--", "x");
        assertThat(args.operands()).isEmpty();
    }

    @Test
    void operandsUpToTheCommandsLimitAndOptionsAroundThem() {
        Args args = Args.parse(new String[] {"--git-host", "a", "get", "--git-host=b"}, VALUES, SWITCHES, 1, false);

        assertThat(args.operands()).containsExactly("get");
        assertThat(args.values("git-host")).containsExactly("a", "b");
        assertThat(args.value("git-host")).contains("a&b");
        assertThat(args.command()).isEmpty();
    }

    @Test
    void whatACommandDoesNotTakeIsAUsageError() {
        for (List<String> bad : List.of(List.of("get"), List.of("--", "sh"), List.of("-v"), List.of("--nope"))) {
            assertThatThrownBy(() -> Args.parse(bad.toArray(String[]::new), VALUES, SWITCHES, 0, false)).as(bad.toString())
                    .isInstanceOfSatisfying(JLoginException.class, e -> assertThat(e.kind()).isEqualTo(JLoginException.Kind.CONFIGURATION));
        }
        assertThatThrownBy(() -> Args.parse(new String[] {"get", "erase"}, VALUES, SWITCHES, 1, false))
                .hasMessageContaining("unexpected argument 'erase'");
    }

    @Test
    void aCommandToRunTypedWithoutTheDoubleDashIsKeptWholeWithOnePutBeforeIt() {
        Args args = Args.parse(new String[] {"--env", "T", "sh", "-c", "--verbose"}, VALUES, SWITCHES, 0, true);

        assertThat(args.withSeparator()).contains(List.of("--env", "T", "--", "sh", "-c", "--verbose"));
        assertThat(args.has("verbose")).as("the command's own options are not ours").isFalse();
        assertThat(args.command()).isEmpty();
        assertThat(Args.parse(new String[] {"--", "sh"}, VALUES, SWITCHES, 0, true).withSeparator()).isEmpty();
    }
}
