/**
 * Evaluations written in Java: a JUnit Jupiter extension ({@link dev.tunegate.engine.jupiter.TuneGateEval}) that
 * runs each {@link dev.tunegate.engine.jupiter.ModelTest} method once per model variant, with the variant's
 * {@link dev.tunegate.engine.jupiter.ModelUnderTest} as a parameter, through the same call pipeline, recordings, gate and
 * reports as the YAML suites.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.tunegate.engine.jupiter;

import org.apiguardian.api.API;
