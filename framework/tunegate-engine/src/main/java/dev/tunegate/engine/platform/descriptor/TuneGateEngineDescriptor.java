package dev.tunegate.engine.platform.descriptor;

import dev.tunegate.engine.config.TuneGateConfiguration;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.run.PlannedTest;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * The engine's root. Starts the run's services (endpoint, client, call pipeline) only when there is
 * something to run, and closes them at the end.
 */
@API(status = API.Status.INTERNAL)
public final class TuneGateEngineDescriptor extends EngineDescriptor implements Node<TuneGateExecutionContext> {

    private final TuneGateConfiguration config;

    public TuneGateEngineDescriptor(UniqueId uniqueId, TuneGateConfiguration config) {
        super(uniqueId, "TuneGate");
        this.config = config;
    }

    public TuneGateConfiguration config() {
        return config;
    }

    @Override
    public TuneGateExecutionContext before(TuneGateExecutionContext context) {
        if (getChildren().isEmpty()) {
            // Nothing to run, so nothing to run with a bad configuration: discovery reported its problems as
            // ERROR issues (the launcher fails the engine for them), unless it stayed out of a root launch on
            // purpose (tunegate.discovery.as-root-engine=false), where they are the nested launch's to report.
            return context;
        }
        if (!config.problems().isEmpty()) {
            throw new IllegalArgumentException(
                    "Invalid TuneGate configuration:\n  " + String.join("\n  ", config.problems()));
        }
        List<VariantTestDescriptor> tests = new ArrayList<>();
        collect(this, tests);
        context.start(planOf(tests), matchersOf(tests));
        return context;
    }

    /**
     * Every test that will run, in execution order. The list holds the descriptors and makes each
     * {@link PlannedTest} when it is read, so the plan of a large run costs one reference per test.
     */
    private static List<PlannedTest> planOf(List<VariantTestDescriptor> tests) {
        return new AbstractList<>() {
            @Override
            public PlannedTest get(int index) {
                return tests.get(index).plan();
            }

            @Override
            public int size() {
                return tests.size();
            }
        };
    }

    /** The matchers of each planned test, read from its descriptor on demand (no copy per test). */
    private static List<List<Matcher>> matchersOf(List<VariantTestDescriptor> tests) {
        return new AbstractList<>() {
            @Override
            public List<Matcher> get(int index) {
                return tests.get(index).matchers();
            }

            @Override
            public int size() {
                return tests.size();
            }
        };
    }

    private void collect(TestDescriptor node, List<VariantTestDescriptor> tests) {
        for (TestDescriptor child : node.getChildren()) {
            if (child instanceof VariantTestDescriptor test) {
                if (test.skipReason(config).isEmpty()) {
                    tests.add(test);
                }
            } else {
                collect(child, tests);
            }
        }
    }

    @Override
    public void after(TuneGateExecutionContext context) throws Exception {
        context.close();
    }
}
