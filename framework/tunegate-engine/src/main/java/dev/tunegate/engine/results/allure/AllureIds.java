package dev.tunegate.engine.results.allure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable Allure identities, independent of how the run was launched (IDE, Surefire {@code @Suite},
 * Console Launcher, CLI): they come from the suite name, the case id and the variant only, never from
 * the JUnit unique id (which carries the suite-engine prefix) or from line numbers.
 *
 * <ul>
 *   <li>{@code testCaseId} = md5("tunegate:" + suite + "#" + case): the same for every variant, so Allure
 *       groups the variants of a case;</li>
 *   <li>{@code historyId} = md5(testCaseId + "|variant=" + variant): distinct per variant, so variants never
 *       collapse into retries of each other, while re-runs of the same variant do.</li>
 * </ul>
 */
final class AllureIds {

    /** One digest per thread: looking the algorithm up costs more than hashing a short id. */
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(AllureIds::newMd5);

    private static final HexFormat HEX = HexFormat.of();

    private AllureIds() {}

    static String testCaseId(String suite, String caseId) {
        return md5("tunegate:" + suite + "#" + caseId);
    }

    static String historyId(String testCaseId, String variant) {
        return md5(testCaseId + "|variant=" + variant);
    }

    static String gateTestCaseId(String suite) {
        return md5("tunegate-gate:" + suite);
    }

    static String md5(String text) {
        MessageDigest md5 = MD5.get();
        md5.reset();
        return HEX.formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by the Java platform", e);
        }
    }
}
