package dev.tunegate.engine.model.gate;

import org.apiguardian.api.API;

/**
 * One rule of the gate policy applied to one candidate.
 *
 * @param name     the policy field, e.g. {@code minPassRate}
 * @param required what the policy asks, e.g. {@code >= 0.900}
 * @param actual   what was measured, e.g. {@code 0.950 (19/20)}
 * @param passed   whether the rule holds
 */
@API(status = API.Status.INTERNAL)
public record GateCheck(String name, String required, String actual, boolean passed) {

    /** One line for reasons: {@code maxRegressions: 1 (refund-request); required <= 0}. */
    public String reason() {
        return name + ": " + actual + "; required " + required;
    }
}
