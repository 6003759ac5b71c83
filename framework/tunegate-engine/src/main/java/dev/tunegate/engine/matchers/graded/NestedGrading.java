package dev.tunegate.engine.matchers.graded;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The grading of a model-graded matcher nested in {@code not}, {@code all} or {@code any}, with where it is
 * written: reports count it under its path, e.g. {@code all/0/judge}.
 *
 * @param path the entry's path inside the top-level entry, e.g. {@code not/any/1/judge}
 * @param description the nested matcher's description
 * @param grading what it found
 */
@API(status = API.Status.INTERNAL)
public record NestedGrading(String path, String description, Grading grading) {
    public NestedGrading {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(grading, "grading");
    }
}
