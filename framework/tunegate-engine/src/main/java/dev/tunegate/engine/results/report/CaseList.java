package dev.tunegate.engine.results.report;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.IntFunction;
import org.apiguardian.api.API;

/**
 * The cases of a suite as a read-only list that builds each {@link CaseResult} when it is read and
 * keeps none, for runs too large to hold every case's result as objects. Reports iterate it once per
 * pass; each read builds a new, equal case.
 */
@API(status = API.Status.INTERNAL)
public final class CaseList extends AbstractList<CaseResult> implements RandomAccess {

    private final int size;
    private final IntFunction<CaseResult> build;

    /** {@code size} cases; {@code build} makes the case at an index. */
    public CaseList(int size, IntFunction<CaseResult> build) {
        this.size = size;
        this.build = Objects.requireNonNull(build);
    }

    @Override
    public CaseResult get(int index) {
        return build.apply(Objects.checkIndex(index, size));
    }

    @Override
    public int size() {
        return size;
    }
}
