package dev.tunegate.client.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A fine-tuned model ({@code tunedModels/*}). Union {@code source_model}: at most one of tunedModelSource
 * and baseModel. {@code readerProjectNumbers} are int64 values carried as JSON strings.
 */
@API(status = API.Status.EXPERIMENTAL)
public record TunedModel(
        String name,
        @JsonAlias("display_name") String displayName,
        String description,
        State state,
        Instant createTime,
        Instant updateTime,
        @JsonAlias("tuning_task") TuningTask tuningTask,
        List<String> readerProjectNumbers,
        @JsonAlias("tuned_model_source") TunedModelSource tunedModelSource,
        @JsonAlias("base_model") String baseModel,
        Double temperature,
        @JsonAlias("top_p") Double topP,
        @JsonAlias("top_k") Integer topK) {
    /** The {@code @type} URI of a TunedModel inside an Operation response. */
    public static final String TYPE_URL = "type.googleapis.com/google.ai.generativelanguage.v1beta.TunedModel";

    public TunedModel {
        readerProjectNumbers = Unions.copy(readerProjectNumbers);
        Unions.atMostOne("TunedModel", "source_model", "tunedModelSource", tunedModelSource, "baseModel", baseModel);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this model. */
    public Builder toBuilder() {
        return new Builder()
                .name(name)
                .displayName(displayName)
                .description(description)
                .state(state)
                .createTime(createTime)
                .updateTime(updateTime)
                .tuningTask(tuningTask)
                .readerProjectNumbers(readerProjectNumbers)
                .tunedModelSource(tunedModelSource)
                .baseModel(baseModel)
                .temperature(temperature)
                .topP(topP)
                .topK(topK);
    }

    /** The state of a tuned model. */
    public enum State {
        STATE_UNSPECIFIED,
        CREATING,
        ACTIVE,
        FAILED,
        /** A value this client does not know. */
        @JsonEnumDefaultValue
        UNRECOGNIZED
    }

    /** Builds {@link TunedModel}s. */
    public static final class Builder {
        private String name;
        private String displayName;
        private String description;
        private State state;
        private Instant createTime;
        private Instant updateTime;
        private TuningTask tuningTask;
        private List<String> readerProjectNumbers;
        private TunedModelSource tunedModelSource;
        private String baseModel;
        private Double temperature;
        private Double topP;
        private Integer topK;

        private Builder() {}

        public Builder name(String v) {
            this.name = v;
            return this;
        }

        public Builder displayName(String v) {
            this.displayName = v;
            return this;
        }

        public Builder description(String v) {
            this.description = v;
            return this;
        }

        public Builder state(State v) {
            this.state = v;
            return this;
        }

        public Builder createTime(Instant v) {
            this.createTime = v;
            return this;
        }

        public Builder updateTime(Instant v) {
            this.updateTime = v;
            return this;
        }

        public Builder tuningTask(TuningTask v) {
            this.tuningTask = v;
            return this;
        }

        public Builder readerProjectNumbers(List<String> v) {
            this.readerProjectNumbers = v;
            return this;
        }

        public Builder tunedModelSource(TunedModelSource v) {
            this.tunedModelSource = v;
            return this;
        }

        public Builder baseModel(String v) {
            this.baseModel = v;
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

        public TunedModel build() {
            return new TunedModel(
                    name,
                    displayName,
                    description,
                    state,
                    createTime,
                    updateTime,
                    tuningTask,
                    readerProjectNumbers,
                    tunedModelSource,
                    baseModel,
                    temperature,
                    topP,
                    topK);
        }
    }
}
