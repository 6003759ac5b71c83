package dev.tunegate.cli;

import dev.tunegate.client.GeminiClient;
import dev.tunegate.client.model.StorageObject;
import dev.tunegate.client.model.VertexCheckpoint;
import dev.tunegate.client.model.VertexHyperParameters;
import dev.tunegate.client.model.VertexSupervisedTuningSpec;
import dev.tunegate.client.model.VertexTuningJob;
import dev.tunegate.engine.model.suite.SuiteProblem;
import dev.tunegate.engine.model.suite.VertexTrainingCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code tunegate tune --vertex}: uploads local training files to the staging bucket (one media upload each, named by
 * content hash so an unchanged file lands on the same object), creates a Vertex AI supervised tuning job, follows it
 * with per-epoch progress (a line per state change and per new checkpoint; a bar on a terminal) and prints its
 * checkpoints. Vertex AI reports no per-step loss in the job (its metrics live in the job's experiment), so there is
 * no loss chart.
 */
final class VertexTune {
    private static final int MAX_PROBLEMS = 10;

    /** The adapter sizes Vertex AI accepts, as {@code --adapter-size} values. */
    enum AdapterSize {
        ONE,
        TWO,
        FOUR,
        EIGHT,
        SIXTEEN,
        THIRTY_TWO
    }

    /** What {@code tune --vertex} was asked to do. */
    record Request(
            String data,
            String validationData,
            String baseModel,
            String displayName,
            String description,
            Long epochs,
            Long batchSize,
            Double learningRate,
            Double learningRateMultiplier,
            AdapterSize adapterSize,
            boolean exportLastCheckpointOnly,
            Map<String, String> labels,
            String stagingBucket,
            Duration timeout,
            boolean noWait,
            boolean json) {}

    private final GeminiClient client;
    private final PrintWriter out;
    private final ProgressDisplay progress;

    VertexTune(GeminiClient client, PrintWriter out, ProgressDisplay progress) {
        this.client = client;
        this.out = out;
        this.progress = progress;
    }

    /** Checks the local files (before anything is sent), uploads them, creates the job and follows it. */
    Result run(Request r) {
        if (!isGcs(r.data())) {
            check(Path.of(r.data()));
        }
        if (r.validationData() != null && !isGcs(r.validationData())) {
            check(Path.of(r.validationData()));
        }
        String training = staged(r.data(), r, "--data");
        String validation = r.validationData() == null ? null : staged(r.validationData(), r, "--validation-data");
        VertexHyperParameters hyperParameters = r.epochs() == null
                        && r.batchSize() == null
                        && r.learningRate() == null
                        && r.learningRateMultiplier() == null
                        && r.adapterSize() == null
                ? null
                : new VertexHyperParameters(
                        r.epochs(),
                        r.learningRateMultiplier(),
                        r.adapterSize() == null ? null : "ADAPTER_SIZE_" + r.adapterSize(),
                        r.batchSize(),
                        r.learningRate());
        VertexTuningJob request = VertexTuningJob.supervised(
                r.baseModel(),
                new VertexSupervisedTuningSpec(
                        training, validation, hyperParameters, r.exportLastCheckpointOnly() ? true : null),
                r.displayName(),
                r.description(),
                r.labels() == null || r.labels().isEmpty() ? null : r.labels());
        VertexTuningJob job = client.vertexTuningJobs().create(request);
        if (!r.json()) {
            out.println("Tuning job " + job.name() + ": " + r.baseModel() + " on " + training + " is " + job.state());
            out.flush();
        }
        if (r.noWait()) {
            out.println(
                    r.json()
                            ? ModelsCommand.json(job)
                            : "Not waiting; list its checkpoints when it is done with: tunegate checkpoints "
                                    + job.name());
            return new Result(job, ExitCodes.OK);
        }
        if (!r.json()) {
            out.println("  (Ctrl-C stops waiting and leaves the job running; see it with: tunegate checkpoints "
                    + job.name() + ")");
        }
        long epochs = r.epochs() == null ? 0 : r.epochs();
        progress.start("tuning", Math.max(epochs, 1), "epochs");
        Follower follower = new Follower(job, epochs, r.json());
        VertexTuningJob done = client.vertexTuningJobs().await(job, follower::seen, r.timeout(), null);
        progress.close();
        if (!done.succeeded()) {
            return new Result(done, failureCode(done));
        }
        if (r.json()) {
            out.println(ModelsCommand.json(done));
        } else {
            out.println();
            out.print(CheckpointTable.render(done));
            out.println();
            out.println("Tuning job " + done.name() + " is " + done.state() + ": tuned model "
                    + done.tunedModel().model() + ", default endpoint "
                    + done.tunedModel().endpoint());
        }
        return new Result(done, ExitCodes.OK);
    }

    /** The finished job and the exit code. */
    record Result(VertexTuningJob job, int exitCode) {}

    /** Prints a line when the state changes or a checkpoint appears, and moves the bar by epochs. */
    private final class Follower {
        private Object lastState;
        private final Set<String> checkpoints = new HashSet<>();
        private final long epochs;
        private final boolean quiet;

        Follower(VertexTuningJob start, long epochs, boolean quiet) {
            this.lastState = start.state();
            this.epochs = epochs;
            this.quiet = quiet;
        }

        void seen(VertexTuningJob job) {
            if (!quiet && job.state() != lastState) {
                out.println("  " + job.state());
            }
            lastState = job.state();
            for (VertexCheckpoint c : CheckpointTable.ordered(job)) {
                if (checkpoints.add(c.checkpointId()) && !quiet) {
                    out.println("  epoch " + Objects.toString(c.epoch(), "?") + (epochs > 0 ? " of " + epochs : "")
                            + ": checkpoint " + c.checkpointId() + " at step " + Objects.toString(c.step(), "?"));
                }
            }
            out.flush();
            progress.update(checkpoints.size(), Math.max(epochs, checkpoints.size()), String.valueOf(job.state()));
        }
    }

    private static int failureCode(VertexTuningJob done) {
        boolean badInput =
                done.error() != null && Integer.valueOf(3).equals(done.error().code());
        return badInput ? ExitCodes.USAGE : ExitCodes.INFRASTRUCTURE;
    }

    /** The message of a job that did not succeed. */
    static String failure(VertexTuningJob done) {
        String why = done.error() == null || done.error().message() == null
                ? ""
                : ": " + done.error().message();
        return "Tuning job " + done.name() + " ended " + done.state() + why;
    }

    /** A {@code gs://} URI as is; a local file uploaded to the staging bucket under its content hash. */
    private String staged(String data, Request r, String option) {
        if (isGcs(data)) {
            return data;
        }
        if (r.stagingBucket() == null || r.stagingBucket().isBlank()) {
            throw new UserInputException(option + " " + data + " is a local file: name the Cloud Storage bucket to"
                    + " upload it to with --staging-bucket, or pass a gs:// URI");
        }
        Path file = Path.of(data);
        byte[] content = read(file);
        String bucket = r.stagingBucket().startsWith("gs://")
                ? r.stagingBucket().substring("gs://".length()).replaceAll("/+$", "")
                : r.stagingBucket();
        String object = "tunegate/staging/" + sha256(content).substring(0, 16) + "-" + file.getFileName();
        StorageObject uploaded;
        try {
            uploaded = client.cloudStorage().upload(bucket, object, content, "application/jsonl");
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--staging-bucket: " + e.getMessage(), e);
        }
        if (!r.json()) {
            out.println("Uploaded " + file + " to " + uploaded.gsUri());
        }
        return uploaded.gsUri();
    }

    private static boolean isGcs(String data) {
        return data.startsWith("gs://");
    }

    /**
     * The Vertex AI Gemini format, line by line, checked as the engine checks a suite's training file
     * ({@link VertexTrainingCheck}): every bad line is reported as {@code file:line:column: ...}.
     */
    static void check(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("Training data file not found: " + file);
        }
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
            throw new UserInputException(file + ": Vertex AI training data must be a .jsonl file (or a gs:// URI)");
        }
        List<SuiteProblem> problems = VertexTrainingCheck.problems(
                file.toUri(), new String(read(file), StandardCharsets.UTF_8), "no training examples");
        if (!problems.isEmpty()) {
            throw new UserInputException(problems.stream()
                            .limit(MAX_PROBLEMS)
                            .map(SuiteProblem::describe)
                            .collect(Collectors.joining(System.lineSeparator()))
                    + (problems.size() > MAX_PROBLEMS
                            ? System.lineSeparator() + "(" + (problems.size() - MAX_PROBLEMS) + " more)"
                            : ""));
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserInputException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
