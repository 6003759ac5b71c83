/**
 * Record/replay of model calls ({@code tunegate.mode}): recordings on disk, one file per interaction, with secrets redacted.
 *
 * <p>Internal: not part of TuneGate's supported API; it may change in any release.
 */
@API(status = API.Status.INTERNAL)
package dev.tunegate.engine.run.replay;

import org.apiguardian.api.API;
