/**
 * Roles of the variants and the gate policy of a suite, and how a candidate is judged against the baseline.
 *
 * <p>Internal: not part of TuneGate's supported API; it may change in any release.
 */
@API(status = API.Status.INTERNAL)
package dev.tunegate.engine.model.gate;

import org.apiguardian.api.API;
