package dev.smartsheetmcp.quota;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Where the quotas' buckets live: in this process, or in PostgreSQL's {@code quota_buckets} table
 * (Flyway, {@code db/vendor/postgresql}), where every instance on the same database takes from the
 * same bucket. Each take locks the bucket's row for one short transaction ({@code SELECT … FOR UPDATE});
 * nobody holds it while waiting.
 */
public final class QuotaStore {

    private final ProxyManager<String> database;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private QuotaStore(ProxyManager<String> database) {
        this.database = database;
    }

    /** Buckets in this process's memory: the quotas hold for this process alone. */
    public static QuotaStore inProcess() {
        return new QuotaStore(null);
    }

    /** Buckets in the {@code quota_buckets} table of this PostgreSQL database, shared by every instance on it. */
    public static QuotaStore postgres(DataSource dataSource) {
        return new QuotaStore(Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("quota_buckets")
                .idColumn("id")
                .stateColumn("state")
                .build());
    }

    /** The quotas hold for every instance on the database, not for this process alone. */
    public boolean shared() {
        return database != null;
    }

    /** The bucket named {@code name} with this limit (instances configured alike share it). */
    Bucket bucket(String name, QuotaLimit limit) {
        String key = name + "@" + limit.fingerprint();
        return buckets.computeIfAbsent(key, ignored -> database == null
                ? Bucket.builder().addLimit(limit.configuration().getBandwidths()[0]).build()
                : database.builder().build(key, limit::configuration));
    }

    /** A stable name for a secret (a token) in a bucket's key: a hash of it, never the secret itself. */
    public static String fingerprint(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
