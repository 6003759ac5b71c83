package dev.tunegate.emulator.tuning;

import dev.tunegate.client.model.Status;
import dev.tunegate.emulator.generation.ServedModel;
import dev.tunegate.emulator.http.ApiException;
import dev.tunegate.emulator.tokenizer.Tokenizer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulator's Vertex AI supervised tuning jobs. A job trains with the same learner as
 * {@code tunedModels.create} ({@link Trainer} over a {@link LearnedModel}), one step every
 * {@code stepMillis} on one background thread; at the end of every epoch it snapshots what the model
 * has learned as a checkpoint and deploys it to its own endpoint (only the last epoch's with
 * {@code exportLastCheckpointOnly}). The default checkpoint is the last; {@code tunedModel.endpoint}
 * is its endpoint. States: {@code JOB_STATE_PENDING} until the first step, {@code _RUNNING},
 * then {@code _SUCCEEDED}, {@code _FAILED} (an injected fault: the {@value TuningJob#FAULT_MARKER}
 * marker or {@code x-tunegate-fault: tuning-failure}) or {@code _CANCELLED}. Jobs and checkpoints are
 * written through to a {@link VertexTuningStore}; a job still running when the emulator stopped is
 * FAILED (ABORTED) after a restart, like an interrupted {@code tunedModels.create}.
 */
final class VertexTuningService implements AutoCloseable {

    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PAGE_SIZE = 100;

    /** Where a checkpoint endpoint points. */
    private record Deployed(String jobId, String checkpointId) {}

    private final TuningSettings settings;
    private final VertexTuningRequestReader reader;
    private final Map<String, ServedModel> baseModels;
    private final VertexTuningStore store;
    private final Clock clock;
    private final Random random = new Random();
    private final Object lock = new Object();
    private final Map<String, VertexTuningJobRecord> jobs = new HashMap<>();
    private final Map<String, VertexTuningRun> runs = new HashMap<>();
    private final Map<String, Deployed> endpoints = new ConcurrentHashMap<>();
    private final Map<String, LearnedModel> learned = new ConcurrentHashMap<>();
    private final TrainingThread thread;

    VertexTuningService(
            TuningSettings settings,
            VertexTuningRequestReader reader,
            Map<String, ServedModel> baseModels,
            VertexTuningStore store,
            Clock clock) {
        this.settings = settings;
        this.reader = reader;
        this.baseModels = Map.copyOf(baseModels);
        this.store = store;
        this.clock = clock;
        this.thread = new TrainingThread("tunegate-vertex-tuning", settings.stepMillis());
        recover();
    }

    /** {@code tuningJobs.create}: the new job, PENDING; training starts on the tuning thread. */
    Map<String, Object> create(String parent, byte[] body, boolean injectFailure) {
        VertexTuningRequest request = reader.read(body);
        synchronized (lock) {
            String jobId = newId();
            Instant now = clock.instant();
            VertexTuningJobRecord job = new VertexTuningJobRecord(
                    parent,
                    jobId,
                    request.baseModel(),
                    request.servedBaseModel(),
                    request.displayName(),
                    request.description(),
                    request.labels(),
                    request.spec(),
                    VertexTuningJobRecord.PENDING,
                    now,
                    null,
                    null,
                    now,
                    null,
                    stats(request),
                    newId(),
                    List.of());
            save(job);
            LearnedModel model = LearnedModel.untrained();
            model.admit(request.examples());
            int total = request.plan().totalSteps();
            boolean fault = injectFailure || mentionsFault(request);
            VertexTuningRun run = new VertexTuningRun(
                    model,
                    new Trainer(model, request.examples(), request.plan(), jobId.hashCode()),
                    request.plan(),
                    fault ? Math.max(1, (total + 1) / 2) : 0,
                    request.exportLastCheckpointOnly());
            runs.put(jobId, run);
            thread.next(() -> step(jobId, run));
            return VertexTuningResources.job(job);
        }
    }

    /** {@code tuningJobs.get}. */
    Map<String, Object> get(String parent, String jobId) {
        synchronized (lock) {
            return VertexTuningResources.job(existing(parent, jobId));
        }
    }

    /** {@code tuningJobs.list}, newest first; {@code nextPageToken} only when another page follows. */
    Map<String, Object> list(String parent, Integer pageSize, String pageToken) {
        int size = pageSize == null || pageSize <= 0 ? DEFAULT_PAGE_SIZE : Math.min(pageSize, MAX_PAGE_SIZE);
        int offset = offset(pageToken);
        List<VertexTuningJobRecord> all;
        synchronized (lock) {
            all = jobs.values().stream()
                    .filter(j -> j.parent().equals(parent))
                    .sorted(Comparator.comparing(VertexTuningJobRecord::createTime)
                            .reversed()
                            .thenComparing(VertexTuningJobRecord::jobId))
                    .toList();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        List<Map<String, Object>> page = new ArrayList<>();
        for (int i = offset; i < Math.min(all.size(), offset + size); i++) {
            page.add(VertexTuningResources.job(all.get(i)));
        }
        if (!page.isEmpty()) {
            body.put("tuningJobs", page);
        }
        if (offset + size < all.size()) {
            body.put(
                    "nextPageToken",
                    Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(("offset:" + (offset + size)).getBytes(StandardCharsets.UTF_8)));
        }
        return body;
    }

    /** {@code tuningJobs.cancel}: a pending or running job ends CANCELLED; a finished one is a 400. */
    Map<String, Object> cancel(String parent, String jobId) {
        synchronized (lock) {
            VertexTuningJobRecord job = existing(parent, jobId);
            if (job.finished()) {
                throw ApiException.failedPrecondition(
                        "Tuning job " + job.name() + " is in state " + job.state() + " and cannot be cancelled.");
            }
            VertexTuningRun run = runs.remove(jobId);
            if (run != null) {
                run.cancel();
            }
            end(job, VertexTuningJobRecord.CANCELLED, new Status(1, "CANCELED", "CANCELLED", null));
            return Map.of();
        }
    }

    /** The model served at a checkpoint endpoint, or null when the endpoint is not a checkpoint's. */
    ServedModel endpoint(String endpointId) {
        Deployed deployed = endpoints.get(endpointId);
        LearnedModel model = learned.get(endpointId);
        if (deployed == null || model == null) {
            return null;
        }
        VertexTuningJobRecord job;
        synchronized (lock) {
            job = jobs.get(deployed.jobId());
        }
        ServedModel base = baseModels.get(job.servedBaseModel());
        if (base == null) {
            throw ApiException.failedPrecondition("The checkpoint at endpoint " + endpointId + " falls back to "
                    + job.servedBaseModel() + ", which this emulator does not serve (see --models).");
        }
        String name = VertexTuningResources.modelName(job) + "@1";
        SamplingDefaults defaults = settings.baseDefaults().apply(job.servedBaseModel());
        return new ServedModel(
                name,
                new LearnedAnswerer(
                        new ServingTunedModel(name, job.servedBaseModel(), model, defaults), base.answerer()),
                defaults.temperature(),
                defaults.topP(),
                defaults.topK());
    }

    /** The tuned model or checkpoint endpoint {@code parent/collection/id}, or null when it is none of these. */
    Map<String, Object> resource(String parent, String collection, String id) {
        synchronized (lock) {
            if (collection.equals("endpoints")) {
                Deployed deployed = endpoints.get(id);
                VertexTuningJobRecord job = deployed == null ? null : jobs.get(deployed.jobId());
                if (job == null || !job.parent().equals(parent)) {
                    return null;
                }
                for (VertexTuningJobRecord.Checkpoint c : job.checkpoints()) {
                    if (c.endpointId().equals(id)) {
                        return VertexTuningResources.endpoint(job, c);
                    }
                }
                return null;
            }
            int at = id.indexOf('@');
            String modelId = at < 0 ? id : id.substring(0, at);
            if (at >= 0 && !id.substring(at + 1).equals("1")) {
                return null;
            }
            for (VertexTuningJobRecord job : jobs.values()) {
                if (job.modelId().equals(modelId)
                        && job.parent().equals(parent)
                        && job.state().equals(VertexTuningJobRecord.SUCCEEDED)) {
                    return VertexTuningResources.model(job);
                }
            }
            return null;
        }
    }

    @Override
    public void close() {
        thread.close();
    }

    private void step(String jobId, VertexTuningRun run) {
        if (run.cancelled()) {
            return;
        }
        try {
            synchronized (lock) {
                VertexTuningJobRecord job = jobs.get(jobId);
                if (job.state().equals(VertexTuningJobRecord.PENDING)) {
                    save(job.running(clock.instant()));
                }
            }
            if (run.faultDue()) {
                fail(
                        jobId,
                        run,
                        "Injected fault: tuning job failed half-way (requested with the x-tunegate-fault"
                                + " header or the " + TuningJob.FAULT_MARKER + " marker).");
                return;
            }
            Trainer.StepResult result = run.step();
            if (run.checkpointAfter(result)) {
                checkpoint(jobId, run, result);
            }
            if (run.finished()) {
                synchronized (lock) {
                    if (!run.cancelled()) {
                        runs.remove(jobId);
                        end(jobs.get(jobId), VertexTuningJobRecord.SUCCEEDED, null);
                    }
                }
                return;
            }
            thread.next(() -> step(jobId, run));
        } catch (RuntimeException e) {
            fail(jobId, run, "Tuning failed: " + e);
        }
    }

    private void checkpoint(String jobId, VertexTuningRun run, Trainer.StepResult result) {
        LearnedState state = run.snapshot();
        synchronized (lock) {
            if (run.cancelled()) {
                return;
            }
            VertexTuningJobRecord job = jobs.get(jobId);
            String checkpointId = Integer.toString(job.checkpoints().size() + 1);
            String endpointId = newId();
            store.saveCheckpoint(jobId, checkpointId, state);
            learned.put(endpointId, LearnedModel.from(state));
            endpoints.put(endpointId, new Deployed(jobId, checkpointId));
            List<VertexTuningJobRecord.Checkpoint> kept = new ArrayList<>(job.checkpoints());
            kept.add(new VertexTuningJobRecord.Checkpoint(checkpointId, result.epoch(), result.step(), endpointId));
            save(job.withCheckpoints(kept, clock.instant()));
        }
    }

    private void fail(String jobId, VertexTuningRun run, String message) {
        synchronized (lock) {
            if (run.cancelled() || runs.get(jobId) != run) {
                return;
            }
            runs.remove(jobId);
            end(jobs.get(jobId), VertexTuningJobRecord.FAILED, new Status(13, message, "INTERNAL", null));
        }
    }

    /** Ends {@code job}; only a succeeded job keeps its checkpoints' endpoints. Holds the lock. */
    private void end(VertexTuningJobRecord job, String state, Status error) {
        if (!state.equals(VertexTuningJobRecord.SUCCEEDED)) {
            for (VertexTuningJobRecord.Checkpoint c : job.checkpoints()) {
                endpoints.remove(c.endpointId());
                learned.remove(c.endpointId());
            }
        }
        save(job.ended(state, error, clock.instant()));
    }

    private void save(VertexTuningJobRecord job) {
        jobs.put(job.jobId(), job);
        store.saveJob(job);
    }

    private VertexTuningJobRecord existing(String parent, String jobId) {
        VertexTuningJobRecord job = jobs.get(jobId);
        if (job == null || !job.parent().equals(parent)) {
            throw ApiException.notFound("Tuning job " + parent + "/tuningJobs/" + jobId + " not found.");
        }
        return job;
    }

    /** Restores the stored jobs: finished ones with their checkpoint endpoints, interrupted ones FAILED. */
    private void recover() {
        VertexTuningStore.Contents contents = store.load();
        for (VertexTuningJobRecord job : contents.jobs()) {
            if (!job.finished()) {
                save(job.ended(
                        VertexTuningJobRecord.FAILED,
                        new Status(
                                10,
                                "Tuning job " + job.name() + " was interrupted because the emulator stopped after "
                                        + job.checkpoints().size() + " checkpoint(s). Interrupted jobs are not"
                                        + " resumed; create the job again.",
                                "ABORTED",
                                null),
                        clock.instant()));
                continue;
            }
            jobs.put(job.jobId(), job);
            Map<String, LearnedState> states = contents.checkpoints().getOrDefault(job.jobId(), Map.of());
            for (VertexTuningJobRecord.Checkpoint c : job.checkpoints()) {
                LearnedState state = states.get(c.checkpointId());
                if (state != null) {
                    learned.put(c.endpointId(), LearnedModel.from(state));
                    endpoints.put(c.endpointId(), new Deployed(job.jobId(), c.checkpointId()));
                }
            }
        }
    }

    private static Map<String, Object> stats(VertexTuningRequest request) {
        long characters = 0;
        long tokens = 0;
        for (TrainingExample e : request.examples()) {
            characters += e.input().length() + e.output().length();
            tokens += Tokenizer.get().count(e.input()) + Tokenizer.get().count(e.output());
        }
        Map<String, Object> supervised = new LinkedHashMap<>();
        supervised.put(
                "tuningDatasetExampleCount", Integer.toString(request.examples().size()));
        supervised.put("totalTuningCharacterCount", Long.toString(characters));
        supervised.put(
                "totalBillableTokenCount", Long.toString(tokens * request.plan().epochCount()));
        supervised.put("tuningStepCount", Integer.toString(request.plan().totalSteps()));
        return Map.of("supervisedTuningDataStats", supervised);
    }

    private static boolean mentionsFault(VertexTuningRequest request) {
        String marker = TuningJob.FAULT_MARKER;
        if (request.displayName() != null && request.displayName().contains(marker)
                || request.description() != null && request.description().contains(marker)) {
            return true;
        }
        return request.examples().stream()
                .anyMatch(e -> e.input().contains(marker) || e.output().contains(marker));
    }

    private static int offset(String pageToken) {
        if (pageToken == null || pageToken.isEmpty()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8);
            if (decoded.startsWith("offset:")) {
                int offset = Integer.parseInt(decoded.substring("offset:".length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the 400
        }
        throw ApiException.invalidArgument("pageToken", "pageToken '" + pageToken + "' is not a token of this list.");
    }

    /** A new numeric id, like Vertex AI's: 19 digits, not starting with 0. */
    private String newId() {
        StringBuilder sb = new StringBuilder(19);
        sb.append((char) ('1' + random.nextInt(9)));
        for (int i = 1; i < 19; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        String id = sb.toString();
        return jobs.containsKey(id) || endpoints.containsKey(id) ? newId() : id;
    }
}
