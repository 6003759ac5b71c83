package dev.tunegate.client.model;

import java.util.List;
import org.apiguardian.api.API;

/** Source attributions for a candidate's content. */
@API(status = API.Status.EXPERIMENTAL)
public record CitationMetadata(List<CitationSource> citationSources) {
    public CitationMetadata {
        citationSources = Unions.copy(citationSources);
    }
}
