/**
 * Model-graded matchers ({@code judge}, {@code pairwise}, {@code similar}): matchers whose verdict needs
 * model calls (a judge model, an embedding model). They describe the calls they need
 * ({@link dev.tunegate.engine.matchers.graded.GradingCall}); the engine's call pipeline makes them (with
 * concurrency, retries and record/replay) and hands the replies back to the matcher, which turns them
 * into an outcome as a pure function. {@link dev.tunegate.engine.matchers.graded.GradedCombination} grades a
 * {@code not}/{@code all}/{@code any} with such matchers inside, three-valued. Internal: third parties write
 * model-graded matchers through the public {@link dev.tunegate.engine.matchers.JudgedMatcher} SPI, which
 * {@link dev.tunegate.engine.matchers.graded.ModelGradedMatcher#of} adapts.
 */
package dev.tunegate.engine.matchers.graded;
