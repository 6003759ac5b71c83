/**
 * Statistics for comparing model versions: Wilson intervals, paired tables, the exact McNemar test, paired-difference intervals.
 *
 * <p>Internal: not part of TuneGate's supported API; it may change in any release.
 */
@API(status = API.Status.INTERNAL)
package dev.tunegate.engine.model.stats;

import org.apiguardian.api.API;
