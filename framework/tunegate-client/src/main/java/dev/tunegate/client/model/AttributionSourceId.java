package dev.tunegate.client.model;

import org.apiguardian.api.API;

/** Source of a grounding attribution; union {@code source}: at most one member is set. */
@API(status = API.Status.EXPERIMENTAL)
public record AttributionSourceId(GroundingPassageId groundingPassage, SemanticRetrieverChunk semanticRetrieverChunk) {
    public AttributionSourceId {
        Unions.atMostOne(
                "AttributionSourceId",
                "source",
                "groundingPassage",
                groundingPassage,
                "semanticRetrieverChunk",
                semanticRetrieverChunk);
    }
}
