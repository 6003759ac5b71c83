package dev.tunegate.engine.matchers.graded;

import org.apiguardian.api.API;

/**
 * The verdict of a model-graded check on one answer, as reports count it: a judge's PASS, FAIL,
 * INCONCLUSIVE (its samples disagreed) or ERROR (it could not grade: blocked, truncated, unparseable or
 * no verdict; never a pass); a pairwise comparison's WIN, TIE or LOSS (NOT_COMPARED when there was no
 * answer to compare with, or the answer is the compared variant's own); a similarity's PASS or FAIL.
 */
@API(status = API.Status.INTERNAL)
public enum GradeStatus {
    PASS,
    FAIL,
    INCONCLUSIVE,
    ERROR,
    WIN,
    TIE,
    LOSS,
    NOT_COMPARED
}
