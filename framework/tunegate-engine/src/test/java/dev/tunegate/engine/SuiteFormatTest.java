package dev.tunegate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.tunegate.engine.model.suite.EvalCase;
import dev.tunegate.engine.model.suite.EvalSuite;
import dev.tunegate.engine.model.suite.SourcePosition;
import dev.tunegate.engine.model.suite.SuiteFiles;
import dev.tunegate.engine.model.suite.SuiteParser;
import dev.tunegate.engine.model.suite.SuiteSchema;
import java.io.InputStream;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The suite format of DESIGN.md, in full, and the published JSON Schema. */
class SuiteFormatTest {

    static final String DESIGN = "dev/tunegate/engine/format/design.eval.yaml";

    static EvalSuite parse(String resource) throws Exception {
        SuiteParser parser =
                new SuiteParser(new SuiteFiles(null, 1 << 20, SuiteFormatTest.class.getClassLoader()), 1 << 20, 10_000);
        return parser.parse(SuiteFiles.classpathUri(resource));
    }

    @Test
    void designExampleParsesCompletely() throws Exception {
        EvalSuite suite = parse(DESIGN);
        assertThat(suite.name()).isEqualTo("support-intents");
        assertThat(suite.location()).isEqualTo(URI.create("classpath:/" + DESIGN));
        assertThat(suite.variants()).containsOnlyKeys("base", "tuned");
        assertThat(suite.variants().get("base").role()).contains("baseline");
        assertThat(suite.variants()
                        .get("base")
                        .generationConfig()
                        .get("maxOutputTokens")
                        .asInt())
                .isEqualTo(256);
        var tune = suite.variants().get("tuned").tune().orElseThrow();
        assertThat(tune.baseModel()).isEqualTo("models/gemini-1.5-flash-001-tuning");
        assertThat(tune.trainingData())
                .isEqualTo(URI.create("classpath:/dev/tunegate/engine/format/data/support-intents.train.jsonl"));
        assertThat(tune.hyperparameters().get("epochCount").asInt()).isEqualTo(5);
        assertThat(suite.safetySettings().get(0).get("threshold").asText()).isEqualTo("BLOCK_ONLY_HIGH");
        assertThat(suite.systemInstruction().get("parts").get(0).get("text").asText())
                .isEqualTo("You classify support tickets.");
        assertThat(suite.gate())
                .get()
                .satisfies(g -> assertThat(g.get("nonInferiority").get("margin").asDouble())
                        .isEqualTo(0.05));
        assertThat(suite.contentHash()).hasSize(64);

        assertThat(suite.cases()).extracting(EvalCase::id).containsExactly("refund-request", "login-problem");
        EvalCase refund = suite.cases().get(0);
        assertThat(refund.position()).isEqualTo(new SourcePosition(17, 5));
        assertThat(refund.tags()).containsExactly("critical");
        assertThat(refund.repeat()).isEqualTo(1);
        assertThat(refund.expect())
                .extracting(m -> m.name())
                .containsExactly("finishReason", "equals", "regex", "jsonSchema", "jsonSchema", "safety", "not");
        assertThat(refund.expect().get(0).position())
                .as("defaults' matcher keeps its own line")
                .isEqualTo(new SourcePosition(15, 21));
        assertThat(refund.expect().get(1).position()).isEqualTo(new SourcePosition(22, 9));
        assertThat(refund.expect().get(6).position()).isEqualTo(new SourcePosition(27, 9));
        EvalCase login = suite.cases().get(1);
        assertThat(login.file()).isEqualTo(URI.create("classpath:/dev/tunegate/engine/format/data/more-cases.jsonl"));
        assertThat(login.position()).isEqualTo(new SourcePosition(1, 1));
    }

    @Test
    void designExampleDiscoversWithAllItsMatchers() {
        EngineDiscoveryResults results = EngineTestKit.engine(new TuneGateTestEngine(new FakeGateway(0).factory()))
                .selectors(selectClasspathResource(DESIGN))
                .discover();
        assertThat(results.getDiscoveryIssues()).isEmpty();
        assertThat(DiscoveryTest.names(results))
                .containsExactly(
                        "support-intents › refund-request [base]",
                        "support-intents › refund-request [tuned]",
                        "support-intents › login-problem [base]",
                        "support-intents › login-problem [tuned]",
                        "support-intents › gate [tuned]");
    }

    @Test
    void publishedSchemaIsAValidDraft202012Schema() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode schema;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(SuiteSchema.RESOURCE)) {
            schema = mapper.readTree(in);
        }
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        var metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(com.networknt.schema.SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertThat(metaSchema.validate(schema)).isEmpty();
    }
}
