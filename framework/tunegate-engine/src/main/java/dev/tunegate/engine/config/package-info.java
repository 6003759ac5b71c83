/**
 * Immutable settings of a run, read once by the engine's configuration reader; the lowest layer, used by all others.
 *
 * <p>Internal: not part of TuneGate's supported API; it may change in any release.
 */
@API(status = API.Status.INTERNAL)
package dev.tunegate.engine.config;

import org.apiguardian.api.API;
