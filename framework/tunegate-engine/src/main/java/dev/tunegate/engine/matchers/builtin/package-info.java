/**
 * The built-in matchers, registered through {@code META-INF/services} exactly like third-party ones.
 *
 * <p>Internal: not part of TuneGate's supported API; it may change in any release.
 */
@API(status = API.Status.INTERNAL)
package dev.tunegate.engine.matchers.builtin;

import org.apiguardian.api.API;
