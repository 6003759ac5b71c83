package dev.tunegate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/** compare.html shows the time to first chunk and the output speed of streamed calls, and only of those. */
class StreamingReportTest {

    @TempDir
    Path reports;

    private Document run(boolean streaming) throws Exception {
        EngineTestKit.engine("tunegate")
                .selectors(selectClasspathResource(EndToEndTest.SUITE))
                .configurationParameter("tunegate.streaming", Boolean.toString(streaming))
                .configurationParameter("tunegate.filter.name", "fast-enough|arithmetic")
                .configurationParameter("tunegate.reports.dir", reports.toString())
                .configurationParameter("tunegate.allure.enabled", "false")
                .execute();
        return Jsoup.parse(reports.resolve("tunegate/compare.html").toFile());
    }

    @Test
    void streamedSamplesShowTimeToFirstChunkAndTokensPerSecond() throws Exception {
        Document doc = run(true);
        assertThat(doc.select("table.streaming tbody tr"))
                .extracting(r -> r.attr("data-variant"))
                .containsExactly("flash", "flash15");
        assertThat(doc.select("table.streaming tbody tr td").get(1).text()).isEqualTo("2");
        assertThat(doc.select("tr.case div.sample div.small").eachText())
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).containsPattern("^\\d+ ms · first chunk \\d+ ms"));
    }

    @Test
    void callsThatWereNotStreamedShowNeither() throws Exception {
        Document doc = run(false);
        assertThat(doc.select("table.streaming")).isEmpty();
        assertThat(doc.select("tr.case div.sample div.small").text()).doesNotContain("first chunk", "tokens/s");
    }
}
