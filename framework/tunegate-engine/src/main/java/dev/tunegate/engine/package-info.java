/**
 * The {@code tunegate} JUnit Platform engine (API): {@link dev.tunegate.engine.TuneGateTestEngine}, the configuration keys in {@link dev.tunegate.engine.Constants}, and, package-private, the one configuration reader and the composition root that wires a run.
 */
@API(status = API.Status.STABLE, since = "0.1")
package dev.tunegate.engine;

import org.apiguardian.api.API;
