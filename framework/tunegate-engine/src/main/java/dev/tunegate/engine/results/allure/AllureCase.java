package dev.tunegate.engine.results.allure;

import dev.tunegate.engine.results.report.VariantInfo;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What Allure needs to know about one case &times; variant test besides its results.
 *
 * @param suite         suite name
 * @param suitePath     suite file path for display, e.g. {@code suites/support.eval.yaml}
 * @param caseId        case id
 * @param line          line of the case in its file (0 when unknown)
 * @param tags          the case's tags
 * @param enforced      whether a candidate failure of this case fails its JUnit test ({@code mustPass} or strict)
 * @param variant       the variant with its model and role
 * @param repeat        samples per variant
 * @param prompt        the rendered prompt text, or null
 * @param junitUniqueId the JUnit unique id of the test (kept as a label only)
 * @param displayName   the JUnit display name, e.g. {@code support › refund [tuned]}
 */
@API(status = API.Status.INTERNAL)
public record AllureCase(
        String suite,
        String suitePath,
        String caseId,
        int line,
        List<String> tags,
        boolean enforced,
        VariantInfo variant,
        int repeat,
        String prompt,
        String junitUniqueId,
        String displayName) {

    public AllureCase {
        tags = List.copyOf(tags);
    }
}
