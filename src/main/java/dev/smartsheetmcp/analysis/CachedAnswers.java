package dev.smartsheetmcp.analysis;

import dev.smartsheetmcp.jobs.SqlStatements;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The answer cache's table ({@code answer_cache}), with every statement on it: answers looked up
 * and stored under a spec hash by the hash of the text they answer, and the purge that keeps the
 * cache within its age and size bounds.
 */
public final class CachedAnswers {

    /** Followed by one {@code ?} per content hash and {@code )}. */
    private static final String SELECT_PREFIX = """
            SELECT content_hash, answer, trimmed FROM answer_cache
            WHERE spec_hash = ? AND created_at >= ? AND content_hash IN (""";

    /** Followed by one {@code ?} per content hash and {@code )}. */
    private static final String TOUCH_PREFIX = """
            UPDATE answer_cache SET hits = hits + 1, last_used_at = ? WHERE spec_hash = ? AND content_hash IN (""";

    private static final String DELETE = "DELETE FROM answer_cache WHERE spec_hash = ? AND content_hash = ?";

    private static final String INSERT = """
            INSERT INTO answer_cache (spec_hash, content_hash, answer, trimmed, deployment, created_at, last_used_at, hits)
            VALUES (?, ?, ?, ?, ?, ?, ?, 0)""";

    private static final String COUNT = "SELECT COUNT(*) FROM answer_cache";

    /** Lookups ignore these already; the purge drops them. */
    private static final String DELETE_EXPIRED = "DELETE FROM answer_cache WHERE created_at < ?";

    /** The last use of the first entry beyond the {@code ?} most recently used, if there is one. */
    private static final String OLDEST_KEPT_USE = """
            SELECT last_used_at FROM answer_cache ORDER BY last_used_at DESC OFFSET ? ROWS FETCH NEXT 1 ROWS ONLY""";

    /**
     * Drops the entries used no later than the first one beyond the bound: at most the bound
     * remain (fewer when entries used at the same instant straddle it).
     */
    private static final String DELETE_USED_UNTIL = "DELETE FROM answer_cache WHERE last_used_at <= ?";

    private final SqlStatements sql;
    private final Clock clock = Clock.systemUTC();

    public CachedAnswers(DataSource dataSource) {
        this.sql = new SqlStatements(dataSource, "job store");
    }

    /**
     * The answers under a spec for these texts, stored at or after {@code storedSince}, by content
     * hash; marks each found as used now.
     */
    public Map<String, Entry> find(String specHash, Collection<String> contentHashes, Timestamp storedSince) {
        if (contentHashes.isEmpty()) return Map.of();
        Map<String, Entry> found = sql.query(SELECT_PREFIX + placeholders(contentHashes.size()), rs -> {
            Map<String, Entry> answers = new HashMap<>();
            while (rs.next()) {
                answers.put(rs.getString("content_hash"), new Entry(rs.getString("content_hash"), rs.getString("answer"),
                        rs.getBoolean("trimmed"), null));
            }
            return answers;
        }, parameters(List.of(specHash, storedSince), contentHashes));
        if (!found.isEmpty()) {
            sql.update(TOUCH_PREFIX + placeholders(found.size()), parameters(List.of(now(), specHash), found.keySet()));
        }
        return found;
    }

    /** Stores answers under a spec, replacing any entry for the same text (an expired one, or another worker's). */
    public void store(String specHash, List<Entry> answers) {
        if (answers.isEmpty()) return;
        Timestamp now = now();
        List<Object[]> deletes = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        for (Entry answer : answers) {
            deletes.add(new Object[] {specHash, answer.contentHash()});
            inserts.add(new Object[] {specHash, answer.contentHash(), answer.answer(), answer.trimmed(),
                answer.deployment(), now, now});
        }
        sql.inTransaction(tx -> {
            tx.batch(DELETE, deletes);
            tx.batch(INSERT, inserts);
        });
    }

    public int count() {
        return sql.query(COUNT, rs -> rs.next() ? rs.getInt(1) : 0);
    }

    /** Drops the answers stored before {@code storedSince}, then the least recently used beyond {@code maxEntries}. */
    public void purge(Timestamp storedSince, int maxEntries) {
        sql.update(DELETE_EXPIRED, storedSince);
        sql.first(OLDEST_KEPT_USE, row -> row.getTimestamp(1), maxEntries)
                .ifPresent(lastUsed -> sql.update(DELETE_USED_UNTIL, lastUsed));
    }

    /** An answer in the cache, by the hash of the text it answers. */
    public record Entry(String contentHash, String answer, boolean trimmed, String deployment) {
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static Object[] parameters(List<Object> leading, Collection<String> contentHashes) {
        List<Object> all = new ArrayList<>(leading);
        all.addAll(contentHashes);
        return all.toArray();
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?")) + ")";
    }
}
