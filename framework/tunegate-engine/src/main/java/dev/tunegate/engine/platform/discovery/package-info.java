/**
 * Discovery: JUnit selectors to suite files to descriptors, with every problem reported as a discovery issue with its file position.
 *
 * <p>Internal: not part of TuneGate's supported API; it may change in any release.
 */
@API(status = API.Status.INTERNAL)
package dev.tunegate.engine.platform.discovery;

import org.apiguardian.api.API;
