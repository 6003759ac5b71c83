/**
 * TuneGate's own reports, written from the run record: {@code summary.json}, {@code summary.md}, {@code compare.html}.
 *
 * <p>Internal: not part of TuneGate's supported API; it may change in any release.
 */
@API(status = API.Status.INTERNAL)
package dev.tunegate.engine.results.report;

import org.apiguardian.api.API;
