package dev.tunegate.engine.jupiter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.TestTemplate;

/**
 * An evaluation case written in Java: a test template that runs once per model variant of its
 * {@link TuneGateEval} class, named {@code method [variant]}, with the variant's {@link ModelUnderTest} as a parameter.
 * Its JUnit tags ({@code @Tag}) are the case's tags (as for {@code mustPass}); the test's outcome is the case's
 * outcome on that variant.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface ModelTest {}
