package dev.o2c.jobs.close;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's id: its kind, the as-of date and a hash of the parameters in force and of every
 * input file's name and SHA-256. The same inputs and parameters give the same id, so
 * the id can sit inside outputs that must be byte-identical run after run.
 */
public final class RunIdentity {

    private RunIdentity() {
    }

    public static String runId(LocalDate asOf, Map<String, Object> parameters, Map<String, String> shaByName) {
        return runId(RunKind.CLOSE, asOf, parameters, shaByName);
    }

    public static String runId(RunKind kind, LocalDate asOf, Map<String, Object> parameters, Map<String, String> shaByName) {
        StringBuilder canonical = new StringBuilder("as_of=").append(asOf).append('\n');
        new TreeMap<>(parameters).forEach((k, v) -> canonical.append("param.").append(k).append('=').append(v).append('\n'));
        new TreeMap<>(shaByName).forEach((k, v) -> canonical.append("input.").append(k).append('=').append(v).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return kind.jobName() + "-" + asOf + "-" + HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
