package dev.tunegate.engine.model.suite;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Reads a {@code *.eval.yaml} file into an {@link EvalSuite}: YAML with positions
 * ({@link YamlTreeReader}), a check against {@link SuiteSchema}, then the mapping onto the model
 * ({@link SuiteMapper}: variants, cases with their {@code casesFrom} files, template and gate
 * checks). Every problem found is reported together, each with its file, line and column.
 */
@API(status = API.Status.INTERNAL)
public final class SuiteParser {

    private final SuiteFiles files;
    private final YamlTreeReader yaml;
    private final SuiteMapper mapper;

    /**
     * @param files         how files are found and read
     * @param maxBytes      largest document, in bytes (also enforced by {@code files})
     * @param maxAliasNodes the most nodes YAML aliases may add to a document (alias-bomb protection)
     */
    public SuiteParser(SuiteFiles files, long maxBytes, int maxAliasNodes) {
        this.files = files;
        this.yaml = new YamlTreeReader((int) Math.min(Integer.MAX_VALUE, maxBytes), maxAliasNodes);
        this.mapper = new SuiteMapper(files, new CaseFileReader(files, yaml));
    }

    /** Parses and checks one suite. */
    public EvalSuite parse(URI location) throws SuiteException {
        byte[] bytes = files.readReferenced(location, location, SourcePosition.START);
        PositionedTree tree = yaml.read(location, Utf8Text.decode(location, bytes));
        if (!tree.root().isObject()) {
            throw new SuiteException(tree.problem("", "a suite is a YAML mapping with 'models' and 'cases'"));
        }
        // Schema problems do not stop the mapping: what can still be mapped is checked too, so that
        // one pass reports every mistake (the parts the schema rejected are skipped by the mappers).
        List<SuiteProblem> problems = new ArrayList<>(SuiteSchema.get().check(tree));
        EvalSuite suite = mapper.map(tree, ContentHash.sha256(bytes), problems);
        if (!problems.isEmpty()) {
            throw SuiteException.inFileOrder(problems, suite);
        }
        return suite;
    }
}
