package dev.tunegate.cli;

import dev.tunegate.client.GeminiClient;
import dev.tunegate.client.GeminiJson;
import dev.tunegate.client.model.CreateTunedModelMetadata;
import dev.tunegate.client.model.Dataset;
import dev.tunegate.client.model.Hyperparameters;
import dev.tunegate.client.model.Operation;
import dev.tunegate.client.model.Status;
import dev.tunegate.client.model.TunedModel;
import dev.tunegate.client.model.TuningExample;
import dev.tunegate.client.model.TuningSnapshot;
import dev.tunegate.client.model.TuningTask;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tunegate tune}: creates a tuned model from a training file, follows the operation, prints the loss curve; with
 * {@code --vertex}, a Vertex AI supervised tuning job ({@link VertexTune}) that ends with its checkpoints.
 */
@Command(
        name = "tune",
        mixinStandardHelpOptions = true,
        description = {
            "Tune a model on a training file, follow the operation with a progress bar and print the loss curve.",
            "The file is JSONL (one {\"textInput\": ..., \"output\": ...} object per line) or CSV with a",
            "header row naming the columns textInput and output.",
            "With --vertex: create a Vertex AI supervised tuning job instead. The data is a Vertex AI JSONL file",
            "(one {\"contents\": [{\"role\": \"user\", ...}, {\"role\": \"model\", ...}]} per line), uploaded to",
            "--staging-bucket, or a gs:// URI; the job's checkpoints (one per epoch) are listed at the end."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the tuned model is ACTIVE (the Vertex AI job SUCCEEDED)",
            "2:bad input (data file, options, a request the API rejected) or tuning failed on bad input",
            "3:the endpoint failed, tuning failed, or it did not finish within --timeout"
        })
final class TuneCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EndpointOptions endpoint;

    @Mixin
    VertexOptions vertex;

    @Option(
            names = "--data",
            required = true,
            paramLabel = "FILE",
            description = "Training data (.jsonl or .csv; with --vertex a Vertex AI .jsonl file or a gs:// URI).")
    String data;

    @Option(
            names = "--vertex",
            description = "Create a Vertex AI supervised tuning job (at --endpoint: the local emulator by default,"
                    + " 'google' for Vertex AI) instead of a Gemini API tuned model.")
    boolean vertexMode;

    @Option(
            names = "--staging-bucket",
            paramLabel = "BUCKET",
            description = "--vertex: Cloud Storage bucket local data files are uploaded to (BUCKET or gs://BUCKET).")
    String stagingBucket;

    @Option(
            names = "--validation-data",
            paramLabel = "FILE",
            description = "--vertex: validation data (a Vertex AI .jsonl file or a gs:// URI).")
    String validationData;

    @Option(
            names = "--learning-rate-multiplier",
            paramLabel = "X",
            description = "--vertex: multiplier of the recommended learning rate.")
    Double learningRateMultiplier;

    @Option(
            names = "--adapter-size",
            paramLabel = "SIZE",
            description = "--vertex: LoRA adapter size: ${COMPLETION-CANDIDATES}.")
    VertexTune.AdapterSize adapterSize;

    @Option(names = "--label", paramLabel = "KEY=VALUE", description = "--vertex: a label of the job (repeatable).")
    java.util.Map<String, String> labels;

    @Option(
            names = "--export-last-checkpoint-only",
            description = "--vertex: keep only the last checkpoint instead of one per epoch.")
    boolean exportLastCheckpointOnly;

    @Option(
            names = "--base-model",
            required = true,
            paramLabel = "MODEL",
            description = "Model to tune, e.g. models/gemini-1.5-flash-001-tuning.")
    String baseModel;

    @Option(names = "--id", paramLabel = "ID", description = "Tuned model id ([a-z]([a-z0-9-]{0,38}[a-z0-9])?).")
    String id;

    @Option(names = "--display-name", paramLabel = "NAME", description = "Display name (at most 40 characters).")
    String displayName;

    @Option(names = "--description", paramLabel = "TEXT", description = "Description.")
    String description;

    @Option(names = "--epochs", paramLabel = "N", description = "Epoch count (server default 5).")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N", description = "Batch size (server default 4 or 16).")
    Integer batchSize;

    @Option(names = "--learning-rate", paramLabel = "RATE", description = "Learning rate.")
    Double learningRate;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "PT30M",
            description = "How long to wait for the operation, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--no-wait", description = "Print the started operation and return without waiting.")
    boolean noWait;

    @Option(names = "--json", description = "Print the resulting tuned model (or operation) as JSON.")
    boolean json;

    @Option(
            names = "--no-progress",
            description = "Do not draw a progress bar (it is drawn only on a terminal anyway).")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        if (epochs != null && epochs < 1
                || batchSize != null && batchSize < 1
                || learningRate != null && !(learningRate > 0)) {
            throw new UserInputException("--epochs and --batch-size must be at least 1 and --learning-rate positive");
        }
        if (vertexMode) {
            return vertex();
        }
        if (stagingBucket != null
                || validationData != null
                || learningRateMultiplier != null
                || adapterSize != null
                || labels != null
                || exportLastCheckpointOnly) {
            throw new UserInputException("--staging-bucket, --validation-data, --learning-rate-multiplier,"
                    + " --adapter-size, --label and --export-last-checkpoint-only need --vertex");
        }
        List<TuningExample> examples = TrainingDataFile.read(Path.of(data));
        PrintWriter out = spec.commandLine().getOut();
        Hyperparameters hyperparameters = epochs == null && batchSize == null && learningRate == null
                ? null
                : new Hyperparameters(learningRate, null, epochs, batchSize);
        TunedModel request = TunedModel.builder()
                .displayName(displayName)
                .description(description)
                .baseModel(baseModel)
                .tuningTask(new TuningTask(null, null, null, Dataset.of(examples), hyperparameters))
                .build();
        try (GeminiClient client = endpoint.client();
                ProgressDisplay progress = ProgressDisplay.forTerminal(!noProgress && !json)) {
            Operation operation = client.createTunedModel(request, id);
            String tunedModel = operation
                    .createTunedModelMetadata()
                    .map(CreateTunedModelMetadata::tunedModel)
                    .orElse("?");
            if (!json) {
                out.println("Tuning " + tunedModel + " from " + baseModel + " on " + examples.size()
                        + " examples (operation " + operation.name() + ")");
                out.flush();
            }
            if (noWait) {
                out.println(
                        json
                                ? GeminiJson.newMapper()
                                        .writerWithDefaultPrettyPrinter()
                                        .writeValueAsString(operation)
                                : "Not waiting; follow it with: tunegate models get " + tunedModel);
                return ExitCodes.OK;
            }
            progress.start("tuning", 1, "steps");
            Operation done = client.awaitOperation(
                    operation,
                    op -> op.createTunedModelMetadata()
                            .ifPresent(
                                    m -> progress.update(orZero(m.completedSteps()), orZero(m.totalSteps()), loss(m))),
                    timeout);
            progress.close();
            if (done.error() != null) {
                Status error = done.error();
                spec.commandLine()
                        .getErr()
                        .println(spec.commandLine()
                                .getColorScheme()
                                .errorText("Tuning failed: " + error.status() + " " + error.message()));
                return "INVALID_ARGUMENT".equals(error.status())
                                || Integer.valueOf(3).equals(error.code())
                        ? ExitCodes.USAGE
                        : ExitCodes.INFRASTRUCTURE;
            }
            TunedModel model = done.tunedModel().orElseGet(() -> client.getTunedModel(tunedModel));
            if (json) {
                out.println(
                        GeminiJson.newMapper().writerWithDefaultPrettyPrinter().writeValueAsString(model));
                return ExitCodes.OK;
            }
            List<TuningSnapshot> snapshots =
                    model.tuningTask() == null ? null : model.tuningTask().snapshots();
            if (snapshots == null || snapshots.isEmpty()) {
                snapshots = done.createTunedModelMetadata()
                        .map(CreateTunedModelMetadata::snapshots)
                        .orElse(List.of());
            }
            out.println();
            out.print(new LossChart(60, 12).render(snapshots));
            out.println();
            out.println("Tuned model " + model.name() + " is " + model.state());
            return ExitCodes.OK;
        }
    }

    private int vertex() {
        if (id != null) {
            throw new UserInputException("--id is not used with --vertex: Vertex AI names the job; use --display-name");
        }
        if (learningRateMultiplier != null && !(learningRateMultiplier > 0)) {
            throw new UserInputException("--learning-rate-multiplier must be positive");
        }
        vertex.requireProject();
        PrintWriter out = spec.commandLine().getOut();
        try (GeminiClient client = vertex.client(endpoint);
                ProgressDisplay progress = ProgressDisplay.forTerminal(!noProgress && !json)) {
            VertexTune.Result result = new VertexTune(client, out, progress)
                    .run(new VertexTune.Request(
                            data,
                            validationData,
                            baseModel,
                            displayName,
                            description,
                            epochs == null ? null : epochs.longValue(),
                            batchSize == null ? null : batchSize.longValue(),
                            learningRate,
                            learningRateMultiplier,
                            adapterSize,
                            exportLastCheckpointOnly,
                            labels,
                            stagingBucket,
                            timeout,
                            noWait,
                            json));
            if (result.exitCode() != ExitCodes.OK) {
                spec.commandLine()
                        .getErr()
                        .println(spec.commandLine().getColorScheme().errorText(VertexTune.failure(result.job())));
            }
            return result.exitCode();
        }
    }

    private static long orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static String loss(CreateTunedModelMetadata metadata) {
        List<TuningSnapshot> snapshots = metadata.snapshots();
        if (snapshots == null
                || snapshots.isEmpty()
                || snapshots.get(snapshots.size() - 1).meanLoss() == null) {
            return "";
        }
        TuningSnapshot last = snapshots.get(snapshots.size() - 1);
        return "epoch " + last.epoch() + " loss " + Losses.format(last.meanLoss());
    }
}
