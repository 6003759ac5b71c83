/**
 * The matcher SPI (API): {@link dev.tunegate.engine.matchers.MatcherFactory} creates a {@link dev.tunegate.engine.matchers.Matcher} from a suite's {@code expect:} entry; the answer types and AssertJ assertions the matchers are made of; and, experimental, the model-graded matcher SPI ({@link dev.tunegate.engine.matchers.JudgedMatcher}, {@link dev.tunegate.engine.matchers.JudgeCall}, {@link dev.tunegate.engine.matchers.JudgeResponse}, {@link dev.tunegate.engine.matchers.Grade}). See MATCHERS.md.
 */
@API(status = API.Status.STABLE, since = "0.1")
package dev.tunegate.engine.matchers;

import org.apiguardian.api.API;
