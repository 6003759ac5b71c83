package dev.tunegate.client.model;

import java.util.List;

/** Source attributions for a candidate's content. */
public record CitationMetadata(List<CitationSource> citationSources) {
    public CitationMetadata {
        citationSources = Unions.copy(citationSources);
    }
}
