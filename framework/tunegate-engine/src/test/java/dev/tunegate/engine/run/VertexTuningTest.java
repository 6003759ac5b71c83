package dev.tunegate.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.engine.model.suite.ModelVariant;
import dev.tunegate.engine.model.suite.SourcePosition;
import dev.tunegate.engine.model.suite.SuiteFiles;
import dev.tunegate.engine.model.suite.TuneSpec;
import dev.tunegate.engine.model.suite.VariantCheckpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, item 2 at run time, against an in-memory Vertex AI: a {@code provider: vertex} tune block reuses the job
 * with its display name and content hash, creates a new one when a training line changes (uploading the file to the
 * staging bucket), and the log says which and why; checkpoint variants call their checkpoint's endpoint.
 */
class VertexTuningTest {

    private static final String LINE = "{\"contents\": [{\"role\": \"user\", \"parts\": [{\"text\": \"%s\"}]},"
            + " {\"role\": \"model\", \"parts\": [{\"text\": \"%s\"}]}]}";

    @TempDir
    Path project;

    private final FakeJobs jobs = new FakeJobs();
    private final List<String> log = new CopyOnWriteArrayList<>();

    private VertexTuning tuning() {
        return new VertexTuning(
                jobs,
                new SuiteFiles(project, 1 << 20, getClass().getClassLoader()),
                Optional.of("staging"),
                Duration.ofMinutes(1),
                log::add,
                Runnable::run);
    }

    private ModelVariant variant(String training) throws IOException {
        TuneSpec tune = new TuneSpec(
                "gemini-2.5-flash",
                training.startsWith("gs://")
                        ? java.net.URI.create(training)
                        : project.resolve(training).toUri(),
                new ObjectMapper().readTree("{\"epochCount\": 3}"),
                Optional.of("sweep-cand"),
                Optional.empty(),
                SourcePosition.START,
                TuneSpec.Provider.VERTEX,
                Optional.empty());
        return new ModelVariant(
                "cand",
                "tuningJobs/sweep-cand",
                Optional.empty(),
                null,
                Optional.of(tune),
                SourcePosition.START,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    @Test
    void anUnchangedTuneBlockReusesItsJobAndAChangedTrainingLineCreatesANewOne() throws IOException {
        Path data = project.resolve("train.jsonl");
        Files.writeString(
                data,
                LINE.formatted("Where is my parcel?", "shipping") + "\n" + LINE.formatted("Refund please", "refund")
                        + "\n");

        assertThat(tuning().ready(variant("train.jsonl")).join()).isEqualTo("projects/p/locations/l/endpoints/job1-3");
        assertThat(jobs.created).hasSize(1);
        TuningJobPort.NewJob first = jobs.created.get(0);
        assertThat(first.trainingDatasetUri()).matches("gs://staging/tunegate/[0-9a-f]{40}/train\\.jsonl");
        assertThat(jobs.uploads).containsOnlyKeys(first.trainingDatasetUri());
        assertThat(first.displayName()).isEqualTo("sweep-cand");
        String hash = first.labels().get("tunegate-hash");
        assertThat(log)
                .anySatisfy(l -> assertThat(l)
                        .contains("creating a tuning job for variant 'cand'")
                        .contains("no tuning job named 'sweep-cand' exists")
                        .contains(hash));

        // a rerun with the same data (re-indented JSON: the same examples) reuses the job
        log.clear();
        Files.writeString(
                data,
                LINE.formatted("Where is my parcel?", "shipping").replace(", ", ",   ") + "\n"
                        + LINE.formatted("Refund please", "refund") + "\n");
        assertThat(tuning().ready(variant("train.jsonl")).join()).isEqualTo("projects/p/locations/l/endpoints/job1-3");
        assertThat(jobs.created).hasSize(1);
        assertThat(log)
                .anySatisfy(l -> assertThat(l)
                        .contains("reusing tuning job projects/p/locations/l/tuningJobs/job1 (JOB_STATE_SUCCEEDED)")
                        .contains("same display name 'sweep-cand' and content hash " + hash));

        // one changed training line: a new job, and the log says why
        log.clear();
        Files.writeString(
                data,
                LINE.formatted("Where is my parcel?", "shipping") + "\n" + LINE.formatted("Refund please", "refunds")
                        + "\n");
        assertThat(tuning().ready(variant("train.jsonl")).join()).isEqualTo("projects/p/locations/l/endpoints/job2-3");
        assertThat(jobs.created).hasSize(2);
        String changed = jobs.created.get(1).labels().get("tunegate-hash");
        assertThat(changed).isNotEqualTo(hash);
        assertThat(log)
                .anySatisfy(l -> assertThat(l)
                        .contains("creating a tuning job for variant 'cand'")
                        .contains("this tune block hashes to " + changed + " (its training data or settings changed)")
                        .contains("projects/p/locations/l/tuningJobs/job1 has content hash " + hash));
    }

    @Test
    void aJobThatFailedIsNotReused() throws IOException {
        Files.writeString(project.resolve("train.jsonl"), LINE.formatted("a", "b") + "\n");
        jobs.failNext = true;
        assertThatThrownBy(() -> tuning().ready(variant("train.jsonl")).join())
                .isInstanceOf(CompletionException.class)
                .hasMessageContaining(
                        "tuning job projects/p/locations/l/tuningJobs/job1 ended in JOB_STATE_FAILED: boom");
        assertThat(tuning().ready(variant("train.jsonl")).join()).isEqualTo("projects/p/locations/l/endpoints/job2-3");
        assertThat(log).anySatisfy(l -> assertThat(l).contains("and ended in JOB_STATE_FAILED"));
    }

    @Test
    void checkpointVariantsCallTheirCheckpointsEndpointAndAGsUriIsNotUploaded() throws IOException {
        VertexTuning tuning = tuning();
        ModelVariant cand = variant("gs://data/train.jsonl");
        ModelVariant two = cand.expandedTo(new VariantCheckpoint("cand", "", "2", 2, 0, "", false), "tuningJobs/x@2");
        ModelVariant nine = cand.expandedTo(new VariantCheckpoint("cand", "", "9", 9, 0, "", false), "tuningJobs/x@9");

        assertThat(tuning.ready(two).join()).isEqualTo("projects/p/locations/l/endpoints/job1-2");
        assertThat(tuning.resolved("cand@2"))
                .contains(new VariantCheckpoint(
                        "cand",
                        "projects/p/locations/l/tuningJobs/job1",
                        "2",
                        2,
                        20,
                        "projects/p/locations/l/endpoints/job1-2",
                        false));
        assertThatThrownBy(() -> tuning.ready(nine).join())
                .hasMessageContaining("has no checkpoint 9 (its checkpoints: 1, 2, 3), so variant 'cand@9' cannot run");
        assertThat(jobs.created)
                .singleElement()
                .satisfies(j -> assertThat(j.trainingDatasetUri()).isEqualTo("gs://data/train.jsonl"));
        assertThat(jobs.uploads).isEmpty();
    }

    /** Jobs in memory: created RUNNING, awaited to SUCCEEDED with one checkpoint per epoch (or FAILED). */
    private static final class FakeJobs implements TuningJobPort {
        final List<NewJob> created = new ArrayList<>();
        final Map<String, byte[]> uploads = new LinkedHashMap<>();
        final Map<String, Job> jobs = new LinkedHashMap<>();
        boolean failNext;

        @Override
        public synchronized List<Job> list() {
            return List.copyOf(jobs.values());
        }

        @Override
        public synchronized Job get(String name) {
            return jobs.get(name);
        }

        @Override
        public synchronized Job create(NewJob job) {
            created.add(job);
            String id = "job" + created.size();
            Job made = new Job(
                    "projects/p/locations/l/tuningJobs/" + id,
                    "JOB_STATE_RUNNING",
                    job.displayName(),
                    job.labels(),
                    Optional.empty(),
                    List.of(),
                    Optional.empty());
            jobs.put(made.name(), made);
            return made;
        }

        @Override
        public synchronized Job await(String name, Consumer<Job> progress, Duration timeout) {
            Job job = jobs.get(name);
            progress.accept(job);
            String id = name.substring(name.lastIndexOf('/') + 1);
            Job done;
            if (failNext) {
                failNext = false;
                done = new Job(
                        name,
                        "JOB_STATE_FAILED",
                        job.displayName(),
                        job.labels(),
                        Optional.empty(),
                        List.of(),
                        Optional.of("boom"));
            } else {
                List<Checkpoint> points = new ArrayList<>();
                for (int epoch = 1; epoch <= 3; epoch++) {
                    points.add(new Checkpoint(
                            String.valueOf(epoch),
                            epoch,
                            epoch * 10L,
                            "projects/p/locations/l/endpoints/" + id + "-" + epoch));
                }
                done = new Job(
                        name,
                        "JOB_STATE_SUCCEEDED",
                        job.displayName(),
                        job.labels(),
                        Optional.of("projects/p/locations/l/endpoints/" + id + "-3"),
                        points,
                        Optional.empty());
            }
            jobs.put(name, done);
            progress.accept(done);
            return done;
        }

        @Override
        public synchronized String upload(String bucket, String object, byte[] content) {
            String uri = "gs://" + bucket + "/" + object;
            uploads.put(uri, content);
            return uri;
        }
    }
}
