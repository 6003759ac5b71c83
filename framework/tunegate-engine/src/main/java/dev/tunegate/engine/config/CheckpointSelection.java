package dev.tunegate.engine.config;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Which checkpoints of a Vertex AI tuning job a variant evaluates ({@code checkpoints:} in a suite, or
 * {@code tunegate.checkpoints}): each becomes its own variant {@code <variant>@<checkpointId>}.
 *
 * @param kind which checkpoints
 * @param ids  the checkpoint ids for {@link Kind#IDS}, in the order written; empty otherwise
 */
@API(status = API.Status.INTERNAL)
public record CheckpointSelection(Kind kind, List<String> ids) {

    /** How the checkpoints are chosen. */
    public enum Kind {
        /** Every checkpoint, in epoch order. */
        ALL,
        /** The job's default checkpoint (the one its tuned model's endpoint serves). */
        DEFAULT,
        /** The checkpoint of the latest epoch. */
        LAST,
        /** The checkpoints with these ids. */
        IDS
    }

    public CheckpointSelection {
        ids = List.copyOf(ids);
        if ((kind == Kind.IDS) == ids.isEmpty()) {
            throw new IllegalArgumentException("checkpoint ids go with IDS and only with it");
        }
    }

    /**
     * Reads {@code all}, {@code default}, {@code last} or comma-separated checkpoint ids ({@code 2,3}).
     *
     * @throws IllegalArgumentException naming the forms when {@code text} is none of them
     */
    public static CheckpointSelection parse(String text) {
        String value = text.strip();
        switch (value) {
            case "all":
                return new CheckpointSelection(Kind.ALL, List.of());
            case "default":
                return new CheckpointSelection(Kind.DEFAULT, List.of());
            case "last":
                return new CheckpointSelection(Kind.LAST, List.of());
            default:
                List<String> ids = java.util.Arrays.stream(value.split(","))
                        .map(String::strip)
                        .toList();
                if (value.isEmpty() || ids.stream().anyMatch(id -> !id.matches("[A-Za-z0-9][A-Za-z0-9_.-]*"))) {
                    throw new IllegalArgumentException(
                            "'" + text + "' is not all, default, last or a comma-separated list of checkpoint ids");
                }
                return new CheckpointSelection(Kind.IDS, ids.stream().distinct().toList());
        }
    }

    @Override
    public String toString() {
        return kind == Kind.IDS ? String.join(",", ids) : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
