package dev.tunegate.engine.results.report;

import dev.tunegate.engine.model.stats.TokenUsage;
import org.apiguardian.api.API;

/**
 * What one variant of a suite spent: the tokens of its own model calls, those of judge calls made for
 * it (kept apart), and the estimated cost of both from the price table.
 *
 * @param model   tokens of the variant's model calls (replayed answers count what they cost when recorded)
 * @param judge   tokens of judge calls made for the variant ({@link TokenUsage#NONE} without judges)
 * @param costUsd estimated cost in US dollars, or null when the price table has no price for a model
 */
@API(status = API.Status.INTERNAL)
public record VariantUsage(TokenUsage model, TokenUsage judge, Double costUsd) {

    /** The sum of both (cost unknown when either is). */
    public VariantUsage plus(VariantUsage other) {
        return new VariantUsage(
                model.plus(other.model),
                judge.plus(other.judge),
                costUsd == null || other.costUsd == null ? null : costUsd + other.costUsd);
    }
}
