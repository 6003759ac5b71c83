/**
 * JUnit test descriptors (engine → suite → case → variant test, and gate tests) and the run's execution context.
 *
 * <p>Internal: not part of TuneGate's supported API; it may change in any release.
 */
@API(status = API.Status.INTERNAL)
package dev.tunegate.engine.platform.descriptor;

import org.apiguardian.api.API;
