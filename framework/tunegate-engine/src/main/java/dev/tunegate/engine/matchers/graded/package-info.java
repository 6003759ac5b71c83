/**
 * Model-graded matchers ({@code judge}, {@code pairwise}, {@code similar}): matchers whose verdict needs
 * model calls (a judge model, an embedding model). They describe the calls they need
 * ({@link dev.tunegate.engine.matchers.graded.GradingCall}); the engine's call pipeline makes them (with
 * concurrency, retries and record/replay) and hands the replies back to the matcher, which turns them
 * into an outcome as a pure function. Internal: not part of the matcher SPI yet.
 */
package dev.tunegate.engine.matchers.graded;
