package dev.tunegate.engine.results.report;

import dev.tunegate.engine.model.stats.TokenUsage;
import org.apiguardian.api.API;

/**
 * What one variant of a suite spent: the tokens of its own model calls, those of judge calls made for
 * it (kept apart), and the estimated cost of both from the price table.
 *
 * @param model   tokens of the variant's model calls (replayed answers count what they cost when recorded)
 * @param judge   tokens of judge calls made for the variant ({@link TokenUsage#NONE} without judges), counted as one
 *                total and not priced (a grading reports one total per check)
 * @param costUsd estimated cost in US dollars of the variant's own calls (prompt, output and thinking tokens, thinking at
 *                the table's thinking price, by default the output price), or null when the table has no price
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

    /** The estimated cost of a suite: the sum of its variants' costs, or null when one is unknown (or none). */
    public static Double suiteCost(java.util.Collection<VariantUsage> usages) {
        double total = 0;
        for (VariantUsage u : usages) {
            if (u.costUsd() == null) {
                return null;
            }
            total += u.costUsd();
        }
        return usages.isEmpty() ? null : total;
    }
}
