package dev.tunegate.engine.matchers.graded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The recorded agreement of a judge with human labels, written by {@code tunegate calibrate FILE} next
 * to the calibration file ({@code judges/tone.calibration.jsonl} → {@code
 * judges/tone.calibration.agreement.json}), and the check a suite's {@code minKappa} makes of it: the
 * agreement must exist, belong to the calibration file as it is now (its SHA-256), and have a κ of at
 * least the floor; otherwise the judge is advisory.
 */
@API(status = API.Status.INTERNAL)
public final class JudgeCalibration {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JudgeCalibration() {}

    /** The agreement file of a calibration file. */
    public static Path agreementFile(Path calibration) {
        String name = calibration.getFileName().toString();
        String base = name.endsWith(".jsonl") ? name.substring(0, name.length() - ".jsonl".length()) : name;
        return calibration.resolveSibling(base + ".agreement.json");
    }

    /** The SHA-256 of a file's bytes, in hex. */
    public static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Why a judge calibrated with {@code calibration} (a file that exists, or null when the suite names
     * none) does not meet {@code minKappa}: empty when it does and the judge is enforced.
     */
    public static Optional<String> advisoryReason(Path calibration, String shown, double minKappa) {
        if (calibration == null) {
            return Optional.of("minKappa " + minKappa + " is set but the judge names no calibration file");
        }
        Path agreement = agreementFile(calibration);
        if (!Files.isRegularFile(agreement)) {
            return Optional.of("no recorded agreement for " + shown + " (run `tunegate calibrate " + shown + "`)");
        }
        try {
            JsonNode node = JSON.readTree(Files.readString(agreement));
            if (!sha256(calibration).equals(node.path("sha256").asText())) {
                return Optional.of("the recorded agreement of " + shown + " is stale (the file changed since; run"
                        + " `tunegate calibrate " + shown + "` again)");
            }
            JsonNode kappa = node.path("kappa");
            if (!kappa.isNumber()) {
                return Optional.of("the recorded agreement of " + shown + " has no kappa");
            }
            if (kappa.asDouble() < minKappa) {
                return Optional.of(String.format(
                        java.util.Locale.ROOT,
                        "the judge's agreement with human labels in %s is kappa %.3f, below minKappa %s",
                        shown,
                        kappa.asDouble(),
                        minKappa));
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot read the recorded agreement " + agreement + ": " + e.getMessage());
        }
    }
}
