package dev.tunegate.engine.model.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import org.apiguardian.api.API;

/**
 * One {@code expect:} entry as written: the matcher's name and its argument.
 *
 * @param name     matcher name, e.g. {@code equals}, {@code regex}, {@code not}
 * @param argument the YAML value after the name, as JSON
 * @param file     the file the entry is written in
 * @param position where the entry starts
 */
@API(status = API.Status.INTERNAL)
public record MatcherSpec(String name, JsonNode argument, URI file, SourcePosition position) {}
