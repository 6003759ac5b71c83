package dev.tunegate.engine.model.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One evaluation case: a prompt (or multi-turn contents), variables, tags and expectations.
 *
 * @param id            unique in its suite, stable across edits (it is part of the JUnit unique id)
 * @param file          the file the case is written in (the suite, or a {@code casesFrom} file)
 * @param position      where the case starts in {@code file}
 * @param prompt        the prompt template ({@code {{var}}} placeholders), when the case has one
 * @param contents      wire {@code Content} array whose text parts are templates, when the case has one
 * @param vars          template variables (never null; empty object when none)
 * @param tags          the case's tags, in file order
 * @param expect        suite defaults' matchers followed by the case's own, in file order
 * @param repeat        how many samples to take per variant (at least 1)
 * @param passThreshold fraction of samples that must pass for the case to pass on a variant
 */
@API(status = API.Status.INTERNAL)
public record EvalCase(
        String id,
        URI file,
        SourcePosition position,
        Optional<String> prompt,
        JsonNode contents,
        ObjectNode vars,
        List<String> tags,
        List<MatcherSpec> expect,
        int repeat,
        double passThreshold) {}
