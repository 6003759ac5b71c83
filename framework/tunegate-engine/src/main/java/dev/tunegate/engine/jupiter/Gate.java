package dev.tunegate.engine.jupiter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * The promotion policy of a {@link TuneGateEval} class, as a YAML suite's {@code gate:} block. A gate test per
 * candidate runs after the class's {@link ModelTest} methods and fails with the verdict table when the policy does
 * not hold. Without it, the class is judged in strict mode (every candidate failure fails its test).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface Gate {

    /** The candidate variant(s). */
    String[] candidate();

    /** The baseline variant; empty: decided as for a YAML gate without {@code baseline}. */
    String baseline() default "";

    /** The candidate's minimum pass rate (0 to 1); negative: no such rule. */
    double minPassRate() default -1;

    /** Cases that pass on the baseline and fail on the candidate, at most; negative: no such rule. */
    int maxRegressions() default -1;

    /** Minimum pass-rate improvement over the baseline; NaN: no such rule. */
    double minImprovement() default Double.NaN;

    /** Tags whose cases must pass on the candidate. */
    String[] mustPass() default {};
}
