/**
 * The run record: every result of the run, per suite in little memory, and the gate verdicts judged over it.
 *
 * <p>Internal: not part of TuneGate's supported API; it may change in any release.
 */
@API(status = API.Status.INTERNAL)
package dev.tunegate.engine.results.record;

import org.apiguardian.api.API;
