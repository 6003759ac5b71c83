package dev.tunegate.client.model;

import org.apiguardian.api.API;

/** Attribution for a source that contributed to an answer. */
@API(status = API.Status.EXPERIMENTAL)
public record GroundingAttribution(AttributionSourceId sourceId, Content content) {}
