package dev.tunegate.engine.config;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apiguardian.api.API;

/**
 * One shard of a run ({@code tunegate.shard=i/n}): the cases whose key (the engine's unique id of the
 * case, {@code [suite:<uri>]/[case:<id>]}) hashes to {@code i} modulo {@code n}. A case keeps its
 * shard when other cases are added or removed, and every variant of a case runs in the case's shard,
 * so the pairing of candidate and baseline survives sharding.
 *
 * @param index the shard, 1-based (1 ≤ index ≤ count)
 * @param count how many shards the run is cut into
 */
@API(status = API.Status.INTERNAL)
public record Shard(int index, int count) {

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is i/n with 1 <= i <= n, was " + index + "/" + count);
        }
    }

    /** Parses {@code i/n}, e.g. {@code 2/4}. */
    public static Shard parse(String value) {
        String[] parts = value.strip().split("/", -1);
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("is not a shard i/n with 1 <= i <= n (e.g. 2/4)");
    }

    /** Whether the case of {@code suite} (its URI) with id {@code caseId} belongs to this shard. */
    public boolean contains(String suite, String caseId) {
        return of(suite, caseId, count) == index;
    }

    /** The 1-based shard of a case among {@code count} shards: SHA-256 of its unique id, modulo count. */
    static int of(String suite, String caseId, int count) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("[suite:" + suite + "]/[case:" + caseId + "]").getBytes(StandardCharsets.UTF_8));
            return (int) Math.floorMod(ByteBuffer.wrap(hash).getLong(), (long) count) + 1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
