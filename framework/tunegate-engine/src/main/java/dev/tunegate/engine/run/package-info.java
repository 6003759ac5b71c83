/**
 * Calling the models: requests from cases, the call pipeline that keeps calls in flight ahead of the tests, gateways (client, embedded emulator, tuning), and judging a variant test's samples.
 *
 * <p>Internal: not part of TuneGate's supported API; it may change in any release.
 */
@API(status = API.Status.INTERNAL)
package dev.tunegate.engine.run;

import org.apiguardian.api.API;
