package dev.tunegate.client.model;

import org.apiguardian.api.API;

/** A tuned model used as the starting point for tuning a new one. */
@API(status = API.Status.EXPERIMENTAL)
public record TunedModelSource(String tunedModel, String baseModel) {
    /** A source naming the tuned model only (baseModel is output only). */
    public static TunedModelSource of(String tunedModel) {
        return new TunedModelSource(tunedModel, null);
    }
}
