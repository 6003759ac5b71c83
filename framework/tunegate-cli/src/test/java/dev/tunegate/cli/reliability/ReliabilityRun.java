package dev.tunegate.cli.reliability;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The reliability run of issue 15 (a main class run by {@code mvn -Preliability}, not a test): starts
 * the {@code tunegate} command of this build in child JVMs and prints figures for
 * <ol>
 *   <li>{@code kill -9} of {@code tunegate run --mode auto} mid-run and the resumed run ({@link KillResumeRun}),
 *   <li>hostile and malformed requests against {@code tunegate emulator} ({@link EmulatorFuzz}),
 *   <li>the fault run, 250 cases × 2 variants with 20% 429, 10% 503, 5% cut streams, without and with
 *       streaming ({@link FaultRun}).
 * </ol>
 * Exits 1 when a check of any phase fails.
 *
 * <pre>java -cp target/test-classes:… dev.tunegate.cli.reliability.ReliabilityRun [tunegate.jar] [cases=250] [fuzz=2500]</pre>
 *
 * Without a jar (or when it does not exist) the child JVMs use this JVM's class path.
 */
public final class ReliabilityRun {
    private ReliabilityRun() {}

    public static void main(String[] args) throws Exception {
        String classPath = args.length > 0 && !args[0].isBlank() && Files.isRegularFile(Path.of(args[0]))
                ? Path.of(args[0]).toAbsolutePath().toString()
                : System.getProperty("java.class.path");
        int cases = args.length > 1 ? Integer.parseInt(args[1]) : 250;
        int fuzz = args.length > 2 ? Integer.parseInt(args[2]) : 2500;
        Path work = Files.createTempDirectory("tunegate-reliability");
        System.out.println("TuneGate reliability run: " + Runtime.getRuntime().availableProcessors()
                + " cores, tunegate from "
                + (classPath.contains(File.pathSeparator) ? "the test class path" : classPath) + ", work in " + work);
        long start = System.nanoTime();
        List<Figures> phases = new ArrayList<>();
        phases.add(print(new KillResumeRun(classPath).run(work)));
        phases.add(print(new EmulatorFuzz(classPath, fuzz).run(work)));
        FaultRun faults = new FaultRun(classPath, cases);
        phases.add(print(faults.run(work, false)));
        phases.add(print(faults.run(work, true)));
        boolean passed = phases.stream().allMatch(Figures::passed);
        System.out.printf(
                "%nReliability run %s in %.0f s (%d of %d phases passed)%n",
                passed ? "PASSED" : "FAILED",
                (System.nanoTime() - start) / 1e9,
                phases.stream().filter(Figures::passed).count(),
                phases.size());
        System.exit(passed ? 0 : 1);
    }

    private static Figures print(Figures figures) {
        figures.print(System.out);
        return figures;
    }
}
