package dev.tunegate.maven;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * The fields of {@code summary.json} that the verdict needs, read with small records of the plugin's own (the
 * engine's summary types are internal; unknown fields are ignored so that newer summaries stay readable).
 *
 * @param runId      the run's id
 * @param finishedAt when the run finished; absent when it did not
 * @param complete   false when the engine says the run did not finish (absent in summaries that do not say)
 * @param passed     whether every gate of every suite passed
 * @param suites     every suite of the run
 * @param shard      {@code i/n} when the run was one shard ({@code tunegate.shard}): its gates judged a part of
 *                   the cases, so they are judged after {@code tunegate merge}, not here
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record Summary(String runId, String finishedAt, Boolean complete, Boolean passed, List<Suite> suites, String shard) {

    Summary {
        suites = suites == null ? List.of() : List.copyOf(suites);
    }

    /** One suite: its mode ({@code gate} or {@code strict}), the roles of its variants, gates and case outcomes. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Suite(String name, String mode, List<Variant> variants, List<Candidate> candidates, List<Case> cases) {
        Suite {
            variants = variants == null ? List.of() : List.copyOf(variants);
            candidates = candidates == null ? List.of() : List.copyOf(candidates);
            cases = cases == null ? List.of() : List.copyOf(cases);
        }
    }

    /** A model variant and its role ({@code candidate}, {@code baseline} or {@code reference}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Variant(String name, String role) {}

    /** The gate verdict of one candidate against its baseline, with every rule checked. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Candidate(String candidate, String baseline, String verdict, List<String> reasons, List<Check> checks) {
        Candidate {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
            checks = checks == null ? List.of() : List.copyOf(checks);
        }

        boolean failed() {
            return !"passed".equals(verdict);
        }
    }

    /** One gate rule: its required and actual value. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Check(String name, String required, String actual, boolean passed) {}

    /** One case and its status per variant. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Case(String id, Map<String, Outcome> variants) {
        Case {
            variants = variants == null ? Map.of() : Map.copyOf(variants);
        }
    }

    /** A case's status on one variant: {@code passed}, {@code failed}, {@code error} or {@code skipped}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Outcome(String status) {
        boolean failed() {
            return "failed".equals(status) || "error".equals(status);
        }
    }
}
