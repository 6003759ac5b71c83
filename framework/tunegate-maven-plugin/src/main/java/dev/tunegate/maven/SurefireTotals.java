package dev.tunegate.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.plugin.MojoExecutionException;
import org.w3c.dom.Element;

/**
 * The totals of this build's Surefire reports ({@code TEST-*.xml} written since the build started): they catch
 * what {@code summary.json} does not record, such as a suite that could not be read or another failed test.
 *
 * @param files    report files counted
 * @param tests    tests run
 * @param failures failed tests
 * @param errors   tests in error
 */
record SurefireTotals(int files, int tests, int failures, int errors) {

    static SurefireTotals read(Path directory, Instant notBefore) throws MojoExecutionException {
        if (!Files.isDirectory(directory)) {
            return new SurefireTotals(0, 0, 0, 0);
        }
        int files = 0;
        int tests = 0;
        int failures = 0;
        int errors = 0;
        try (Stream<Path> listing = Files.list(directory)) {
            List<Path> reports = listing.filter(p -> {
                        String name = p.getFileName().toString();
                        return name.startsWith("TEST-") && name.endsWith(".xml");
                    })
                    .sorted()
                    .toList();
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            for (Path report : reports) {
                if (notBefore != null
                        && Files.getLastModifiedTime(report).toInstant().isBefore(notBefore)) {
                    continue;
                }
                Element suite =
                        factory.newDocumentBuilder().parse(report.toFile()).getDocumentElement();
                files++;
                tests += count(suite, "tests");
                failures += count(suite, "failures");
                errors += count(suite, "errors");
            }
        } catch (IOException | javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new MojoExecutionException("TuneGate: cannot read the Surefire reports in " + directory, e);
        }
        return new SurefireTotals(files, tests, failures, errors);
    }

    private static int count(Element suite, String attribute) {
        String value = suite.getAttribute(attribute);
        return value.isBlank() ? 0 : Integer.parseInt(value.trim());
    }
}
