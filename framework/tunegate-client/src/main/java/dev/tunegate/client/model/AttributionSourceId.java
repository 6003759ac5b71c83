package dev.tunegate.client.model;

/** Source of a grounding attribution; union {@code source}: at most one member is set. */
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
