package dev.tunegate.engine.platform.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.engine.config.CheckpointSelection;
import dev.tunegate.engine.config.TuneGateConfiguration;
import dev.tunegate.engine.model.suite.EvalSuite;
import dev.tunegate.engine.model.suite.ModelVariant;
import dev.tunegate.engine.model.suite.SuiteException;
import dev.tunegate.engine.model.suite.SuiteProblem;
import dev.tunegate.engine.model.suite.VariantCheckpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Expands every variant with {@code checkpoints:} (or {@code tunegate.checkpoints}) into one variant per checkpoint of
 * its Vertex AI tuning job, {@code <variant>@<checkpointId>}, in epoch order and in the variant's place; a gate that
 * names the variant as candidate then names each checkpoint.
 *
 * <p>Tests are created at discovery, but a {@code tune:} block's job may not exist before the run creates it, so its
 * checkpoints are planned from the block: one per epoch, ids {@code 1..epochCount} (how Vertex AI and the emulator
 * number them), {@code default} and {@code last} the last epoch. The run makes the job ready and finds each planned
 * checkpoint's endpoint (a checkpoint the job does not have fails that variant's tests). An existing
 * {@code tuningJob:} has its checkpoints listed when the backend can be asked at discovery; otherwise its ids must be
 * written.
 */
final class CheckpointExpansion {

    private CheckpointExpansion() {}

    /**
     * The suite with its checkpointed variants expanded.
     *
     * @param listed the checkpoints of an existing tuning job, when the backend can list them at discovery
     */
    static EvalSuite apply(
            EvalSuite suite, TuneGateConfiguration config, Function<String, Optional<List<VariantCheckpoint>>> listed)
            throws SuiteException {
        Optional<CheckpointSelection> override = config.comparison().checkpoints();
        if (suite.variants().values().stream()
                .noneMatch(v -> v.vertexTuning()
                        && (override.isPresent() || v.checkpoints().isPresent()))) {
            return suite;
        }
        List<SuiteProblem> problems = new ArrayList<>();
        Map<String, ModelVariant> variants = new LinkedHashMap<>();
        Map<String, List<String>> expanded = new LinkedHashMap<>();
        for (ModelVariant written : suite.variants().values()) {
            ModelVariant variant = override.map(written::withCheckpoints).orElse(written);
            if (!variant.vertexTuning() || variant.checkpoints().isEmpty()) {
                variants.put(variant.name(), variant);
                continue;
            }
            List<VariantCheckpoint> points = points(variant, listed, suite, problems);
            List<String> names = new ArrayList<>();
            for (VariantCheckpoint point : points) {
                String model =
                        point.endpoint().isEmpty() ? variant.model() + "@" + point.checkpointId() : point.endpoint();
                ModelVariant one = variant.expandedTo(point, model);
                if (suite.variants().containsKey(one.name())) {
                    problems.add(new SuiteProblem(
                            suite.location(),
                            variant.position(),
                            "variant '" + variant.name() + "': its checkpoint variant '" + one.name()
                                    + "' has the name of another variant"));
                }
                variants.put(one.name(), one);
                names.add(one.name());
            }
            expanded.put(variant.name(), names);
        }
        if (!problems.isEmpty()) {
            throw new SuiteException(problems);
        }
        return suite.withVariants(variants, suite.gate().map(gate -> gate(gate, expanded, suite, problems)));
    }

    private static List<VariantCheckpoint> points(
            ModelVariant variant,
            Function<String, Optional<List<VariantCheckpoint>>> listed,
            EvalSuite suite,
            List<SuiteProblem> problems) {
        CheckpointSelection selection = variant.checkpoints().get();
        String job = variant.tuningJob().orElse("");
        if (variant.tuningJob().isPresent()) {
            Optional<List<VariantCheckpoint>> known = listed.apply(job);
            if (known.isPresent()) {
                return chosen(variant, selection, known.get(), suite, problems);
            }
            if (selection.kind() != CheckpointSelection.Kind.IDS) {
                problems.add(
                        new SuiteProblem(
                                suite.location(),
                                variant.position(),
                                "variant '" + variant.name() + "': checkpoints: " + selection + " of tuning job " + job
                                        + " cannot be listed at discovery (the embedded emulator starts with the run, replay"
                                        + " asks nothing, or the backend did not answer): name them, e.g. checkpoints: [1, 2]"));
                return List.of();
            }
            return selection.ids().stream()
                    .map(id -> new VariantCheckpoint(variant.name(), job, id, epochOf(id), 0, "", false))
                    .toList();
        }
        JsonNode epochs = variant.tune().get().hyperparameters() == null
                ? null
                : variant.tune().get().hyperparameters().get("epochCount");
        if (selection.kind() == CheckpointSelection.Kind.IDS) {
            int last = epochs == null ? -1 : epochs.asInt();
            return selection.ids().stream()
                    .map(id -> new VariantCheckpoint(variant.name(), job, id, epochOf(id), 0, "", epochOf(id) == last))
                    .toList();
        }
        if (epochs == null || !epochs.canConvertToInt()) {
            problems.add(new SuiteProblem(
                    suite.location(),
                    variant.tune().get().position(),
                    "variant '" + variant.name() + "': checkpoints: " + selection + " of a tune block needs"
                            + " hyperParameters.epochCount: its checkpoints (one per epoch) become tests at discovery,"
                            + " before the job exists"));
            return List.of();
        }
        int count = epochs.asInt();
        List<VariantCheckpoint> planned = new ArrayList<>();
        for (int epoch = selection.kind() == CheckpointSelection.Kind.ALL ? 1 : count; epoch <= count; epoch++) {
            planned.add(
                    new VariantCheckpoint(variant.name(), job, String.valueOf(epoch), epoch, 0, "", epoch == count));
        }
        return planned;
    }

    /** The listed checkpoints of an existing job that {@code selection} names, in epoch order. */
    private static List<VariantCheckpoint> chosen(
            ModelVariant variant,
            CheckpointSelection selection,
            List<VariantCheckpoint> all,
            EvalSuite suite,
            List<SuiteProblem> problems) {
        List<VariantCheckpoint> sorted = new ArrayList<>(all);
        sorted.sort(
                java.util.Comparator.comparingInt(VariantCheckpoint::epoch).thenComparingLong(VariantCheckpoint::step));
        List<VariantCheckpoint> points = switch (selection.kind()) {
            case ALL -> sorted;
            case DEFAULT -> sorted.stream().filter(VariantCheckpoint::isDefault).toList();
            case LAST -> sorted.isEmpty() ? List.of() : List.of(sorted.get(sorted.size() - 1));
            case IDS ->
                selection.ids().stream()
                        .flatMap(id ->
                                sorted.stream().filter(p -> p.checkpointId().equals(id)))
                        .toList();
        };
        List<String> missing = selection.kind() == CheckpointSelection.Kind.IDS
                ? selection.ids().stream()
                        .filter(id ->
                                all.stream().noneMatch(p -> p.checkpointId().equals(id)))
                        .toList()
                : List.of();
        if (points.isEmpty() || !missing.isEmpty()) {
            problems.add(new SuiteProblem(
                    suite.location(),
                    variant.position(),
                    "variant '" + variant.name() + "': tuning job "
                            + variant.tuningJob().get() + " has no checkpoint "
                            + (missing.isEmpty() ? selection.toString() : String.join(", ", missing))
                            + " (its checkpoints: "
                            + String.join(
                                    ", ",
                                    all.stream()
                                            .map(VariantCheckpoint::checkpointId)
                                            .toList())
                            + ")"));
        }
        return points.stream()
                .map(p -> new VariantCheckpoint(
                        variant.name(),
                        p.tuningJob(),
                        p.checkpointId(),
                        p.epoch(),
                        p.step(),
                        p.endpoint(),
                        p.isDefault()))
                .toList();
    }

    private static int epochOf(String id) {
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The gate block with every expanded candidate replaced by its checkpoints; a checkpointed baseline is a problem. */
    private static JsonNode gate(
            JsonNode gate, Map<String, List<String>> expanded, EvalSuite suite, List<SuiteProblem> problems) {
        if (!gate.isObject() || expanded.isEmpty()) {
            return gate;
        }
        ObjectNode copy = ((ObjectNode) gate).deepCopy();
        for (String field : List.of("candidate", "candidates")) {
            JsonNode named = copy.get(field);
            if (named == null) {
                continue;
            }
            ArrayNode list = copy.arrayNode();
            if (named.isArray()) {
                named.forEach(n -> add(list, n.asText(), expanded));
            } else {
                add(list, named.asText(), expanded);
            }
            copy.set(field, list.size() == 1 ? list.get(0) : list);
        }
        return copy;
    }

    private static void add(ArrayNode list, String name, Map<String, List<String>> expanded) {
        expanded.getOrDefault(name, List.of(name)).forEach(list::add);
    }
}
