/**
 * Allure results of a run: one result per case and variant with its true outcome, gate results, and the run-level files.
 *
 * <p>Internal: not part of TuneGate's supported API; it may change in any release.
 */
@API(status = API.Status.INTERNAL)
package dev.tunegate.engine.results.allure;

import org.apiguardian.api.API;
