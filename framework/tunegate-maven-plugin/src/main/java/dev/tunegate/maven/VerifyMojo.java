package dev.tunegate.maven;

import java.io.File;
import java.time.Instant;
import java.util.Date;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code tunegate:verify}: fails the build with TuneGate's verdict, read from {@code summary.json}, after the tests
 * ran with {@code testFailureIgnore} and the reports (TuneGate's and Allure's) were written. It names each failed
 * gate with its broken rules and each failed enforced case, and fails too when the summary is missing, stale or
 * records a run that did not finish: a run that could not finish is never reported as passed.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class VerifyMojo extends AbstractMojo {

    /** The run's {@code summary.json}: {@code <tunegate.reports.dir>/tunegate/summary.json}. */
    @Parameter(property = "tunegate.summary", defaultValue = "${project.basedir}/reports/tunegate/summary.json")
    private File summary;

    /** Surefire's reports of this build, to catch failures that the summary does not record. */
    @Parameter(property = "tunegate.surefireReports", defaultValue = "${project.build.directory}/surefire-reports")
    private File surefireReports;

    /** When the build started: older reports are a previous run's. */
    @Parameter(defaultValue = "${session.request.startTime}", readonly = true)
    private Date buildStarted;

    /** Skip the verdict (also skipped with {@code -DskipTests} and {@code -Dmaven.test.skip}, as no test ran). */
    @Parameter(property = "tunegate.verify.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(property = "skipTests", defaultValue = "false")
    private boolean skipTests;

    @Parameter(property = "maven.test.skip", defaultValue = "false")
    private boolean skipTestCompilation;

    /** Creates the goal (Maven injects the parameters). */
    public VerifyMojo() {}

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipTests || skipTestCompilation) {
            getLog().info("TuneGate verdict skipped (no test ran)");
            return;
        }
        Instant started = buildStarted == null
                ? null
                : buildStarted.toInstant().minusSeconds(2); // file times can be coarser than the clock
        Summary run = SummaryReader.read(summary.toPath(), started);
        BuildVerdict verdict = BuildVerdict.of(run, SurefireTotals.read(surefireReports.toPath(), started));
        if (!verdict.passed()) {
            throw new MojoFailureException(verdict.message(summary.toPath()));
        }
        getLog().info("TuneGate verdict: PASSED (" + summary + ")");
    }
}
