package dev.tunegate.client.model;

import org.apiguardian.api.API;

/** Identifier for a part within a grounding passage. */
@API(status = API.Status.EXPERIMENTAL)
public record GroundingPassageId(String passageId, Integer partIndex) {}
