/**
 * The suite format: a parsed, validated {@code *.eval.yaml} file with the position of every case and matcher; no JUnit execution types.
 *
 * <p>Internal: not part of TuneGate's supported API; it may change in any release.
 */
@API(status = API.Status.INTERNAL)
package dev.tunegate.engine.model.suite;

import org.apiguardian.api.API;
