package dev.tunegate.client.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Generation options. The seeds define stopSequences to topK; {@code seed}, {@code presencePenalty} and
 * {@code frequencyPenalty} follow the public API, as does {@code thinkingConfig} (thinking models, beyond the
 * seeds). snake_case keys are accepted on read.
 */
@API(status = API.Status.EXPERIMENTAL)
public record GenerationConfig(
        @JsonAlias("stop_sequences") List<String> stopSequences,
        @JsonAlias("response_mime_type") String responseMimeType,
        @JsonAlias("response_schema") Schema responseSchema,
        @JsonAlias("candidate_count") Integer candidateCount,
        @JsonAlias("max_output_tokens") Integer maxOutputTokens,
        Double temperature,
        @JsonAlias("top_p") Double topP,
        @JsonAlias("top_k") Integer topK,
        Integer seed,
        @JsonAlias("presence_penalty") Double presencePenalty,
        @JsonAlias("frequency_penalty") Double frequencyPenalty,
        @JsonAlias("thinking_config") ThinkingConfig thinkingConfig) {
    public GenerationConfig {
        stopSequences = Unions.copy(stopSequences);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this config. */
    public Builder toBuilder() {
        return new Builder()
                .stopSequences(stopSequences)
                .responseMimeType(responseMimeType)
                .responseSchema(responseSchema)
                .candidateCount(candidateCount)
                .maxOutputTokens(maxOutputTokens)
                .temperature(temperature)
                .topP(topP)
                .topK(topK)
                .seed(seed)
                .presencePenalty(presencePenalty)
                .frequencyPenalty(frequencyPenalty)
                .thinkingConfig(thinkingConfig);
    }

    /** Builds {@link GenerationConfig}s. */
    public static final class Builder {
        private List<String> stopSequences;
        private String responseMimeType;
        private Schema responseSchema;
        private Integer candidateCount;
        private Integer maxOutputTokens;
        private Double temperature;
        private Double topP;
        private Integer topK;
        private Integer seed;
        private Double presencePenalty;
        private Double frequencyPenalty;
        private ThinkingConfig thinkingConfig;

        private Builder() {}

        public Builder stopSequences(List<String> v) {
            this.stopSequences = v;
            return this;
        }

        public Builder stopSequences(String... v) {
            this.stopSequences = List.of(v);
            return this;
        }

        public Builder responseMimeType(String v) {
            this.responseMimeType = v;
            return this;
        }

        public Builder responseSchema(Schema v) {
            this.responseSchema = v;
            return this;
        }

        public Builder candidateCount(Integer v) {
            this.candidateCount = v;
            return this;
        }

        public Builder maxOutputTokens(Integer v) {
            this.maxOutputTokens = v;
            return this;
        }

        public Builder temperature(Double v) {
            this.temperature = v;
            return this;
        }

        public Builder topP(Double v) {
            this.topP = v;
            return this;
        }

        public Builder topK(Integer v) {
            this.topK = v;
            return this;
        }

        public Builder seed(Integer v) {
            this.seed = v;
            return this;
        }

        public Builder presencePenalty(Double v) {
            this.presencePenalty = v;
            return this;
        }

        public Builder frequencyPenalty(Double v) {
            this.frequencyPenalty = v;
            return this;
        }

        public Builder thinkingConfig(ThinkingConfig v) {
            this.thinkingConfig = v;
            return this;
        }

        public GenerationConfig build() {
            return new GenerationConfig(
                    stopSequences,
                    responseMimeType,
                    responseSchema,
                    candidateCount,
                    maxOutputTokens,
                    temperature,
                    topP,
                    topK,
                    seed,
                    presencePenalty,
                    frequencyPenalty,
                    thinkingConfig);
        }
    }
}
