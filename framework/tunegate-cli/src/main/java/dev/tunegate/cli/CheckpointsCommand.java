package dev.tunegate.cli;

import dev.tunegate.client.GeminiClient;
import dev.tunegate.client.model.VertexTuningJob;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tunegate checkpoints JOB}: the checkpoints of a Vertex AI tuning job and the endpoints that serve them. */
@Command(
        name = "checkpoints",
        mixinStandardHelpOptions = true,
        description = {
            "List the checkpoints of a Vertex AI tuning job (one per epoch unless the job kept only the last),",
            "each with the endpoint that serves it; the default checkpoint is the one the tuned model's endpoint",
            "serves."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the job was read (whatever its state)",
            "2:bad input, or the API rejected the request (e.g. 404: no such job)",
            "3:the endpoint failed"
        })
final class CheckpointsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EndpointOptions endpoint;

    @Mixin
    VertexOptions vertex;

    @Parameters(
            index = "0",
            paramLabel = "JOB",
            description = "projects/P/locations/L/tuningJobs/ID, or ID in --project and --location.")
    String job;

    @Option(names = "--json", description = "Print the job's state, tuned model and checkpoints as JSON.")
    boolean json;

    @Override
    public Integer call() {
        if (!job.strip().startsWith("projects/")) {
            vertex.requireProject();
        }
        PrintWriter out = spec.commandLine().getOut();
        try (GeminiClient client = vertex.client(endpoint)) {
            VertexTuningJob read;
            try {
                read = client.vertexTuningJobs().get(job);
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage(), e);
            }
            if (json) {
                out.println(ModelsCommand.json(CheckpointTable.json(read)));
                return ExitCodes.OK;
            }
            out.println("Tuning job " + read.name() + " is " + read.state());
            if (read.tunedModel() != null && read.tunedModel().model() != null) {
                out.println("Tuned model " + read.tunedModel().model() + ", default endpoint "
                        + read.tunedModel().endpoint());
            }
            if (CheckpointTable.ordered(read).isEmpty()) {
                out.println(read.isDone() ? "It has no checkpoints." : "No checkpoints yet.");
            } else {
                out.println();
                out.print(CheckpointTable.render(read));
            }
            if (read.error() != null && read.error().message() != null) {
                out.println("Error: " + read.error().message());
            }
            return ExitCodes.OK;
        }
    }
}
