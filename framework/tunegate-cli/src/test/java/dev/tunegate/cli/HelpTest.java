package dev.tunegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "run",
                "tune",
                "models",
                "models list",
                "models get",
                "models patch",
                "models delete",
                "compare",
                "cassettes",
                "cassettes prune",
                "init"
            })
    void everyCommandHasHelpWithoutColourWhenNotATerminal(String command) {
        String[] args = (command + " --help").strip().split(" ");
        Cli.Result result = Cli.run(args);
        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .startsWith("Usage: tunegate" + (command.isEmpty() ? "" : " " + command))
                .doesNotContain("\u001B[");
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Result result = Cli.run();
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Missing command").contains("Usage: tunegate");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Cli.Result result = Cli.run("run", "--no-such-option", ".");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Unknown option: '--no-such-option'");
    }
}
