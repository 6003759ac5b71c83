package dev.tunegate.engine.jupiter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Makes a JUnit Jupiter class a TuneGate evaluation: its {@link ModelTest} methods run once per {@link Variant},
 * its {@link Gate} is judged by a gate test after them, and its results go into the same run record, reports and
 * Allure results as the YAML suites. The class is one suite (named {@link #suite()}, or the class's simple name);
 * each {@code @ModelTest} method is one case (its method name).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(TuneGateExtension.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface TuneGateEval {

    /** The suite's name in reports and recordings; empty: the class's simple name. */
    String suite() default "";

    /**
     * The suite-wide {@code generationConfig} as JSON (wire fields), e.g. {@code {"temperature": 0}}; a variant's
     * own {@link Variant#generationConfig()} overrides its fields.
     */
    String generationConfig() default "";

    /** The suite's system instruction (text); empty: none. */
    String systemInstruction() default "";
}
