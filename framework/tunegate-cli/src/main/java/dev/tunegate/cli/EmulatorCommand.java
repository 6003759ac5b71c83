package dev.tunegate.cli;

import dev.tunegate.emulator.EmulatorMain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code tunegate emulator}: starts the standalone Gemini emulator in the foreground. Every argument
 * goes unchanged to the emulator's own launcher ({@link EmulatorMain}), which owns the options.
 */
@Command(
        name = "emulator",
        description = {
            "Start the Gemini API emulator in the foreground (default http://127.0.0.1:8089) until Ctrl+C.",
            "Options are the emulator's own (--port, --host, --data-dir, --latency-ms, --require-api-key-env,",
            "fault flags, ...): run 'tunegate emulator --help' for the full list."
        })
final class EmulatorCommand implements Callable<Integer> {

    @Unmatched
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        EmulatorMain.main(arguments.toArray(String[]::new));
        return ExitCodes.OK;
    }
}
