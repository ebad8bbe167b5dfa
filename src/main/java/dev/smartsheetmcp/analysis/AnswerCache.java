package dev.smartsheetmcp.analysis;

import dev.smartsheetmcp.jobs.JobSpec;
import dev.smartsheetmcp.jobs.RowOutcome;
import dev.smartsheetmcp.jobs.WorkItem;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer cache around a batch's model calls, for the {@code job-batch} route: before the calls,
 * rows whose text has a stored answer under the job's spec take it, and rows with the same text as
 * another row of the batch wait for that row's answer, so each distinct uncached text is sent once
 * (rows of a batch run in parallel and would otherwise all miss); after the calls, new successful
 * answers are stored and shared with the waiting rows. Failed and content-filtered rows store nothing.
 * The {@code answer-cache-purge} route keeps the cache within its bounds with {@link #purge}.
 */
public final class AnswerCache {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerCache.class);
    private static final String KEPT = "AnswerCacheKept";
    private static final String ASKED = "AnswerCacheAsked";
    /** Exchange property: how many answers the batch stored (the purge runs when some were). */
    public static final String STORED = "AnswerCacheStored";

    /** A row sent to the model for its text, and the rows of the batch with the same text. */
    private record Asked(String contentHash, List<Long> sameTextRows) {
    }

    private final CachedAnswers answers;
    private final boolean enabled;
    private final int maxEntries;
    private final Duration maxAge;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    public AnswerCache(CachedAnswers answers, boolean enabled, int maxEntries, int maxAgeHours) {
        this.answers = answers;
        this.enabled = enabled;
        this.maxEntries = maxEntries;
        this.maxAge = Duration.ofHours(maxAgeHours);
    }

    /** Body: the batch's pending rows. Answers the rows to send to the model: one per distinct uncached text. */
    public List<WorkItem> lookUp(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<WorkItem> pending = exchange.getMessage().getBody(List.class);
        List<RowOutcome> kept = new ArrayList<>();
        Map<Long, Asked> asked = new LinkedHashMap<>();
        exchange.setProperty(KEPT, kept);
        exchange.setProperty(ASKED, asked);
        String specHash = exchange.getProperty(RowAnalysis.JOB_SPEC, JobSpec.class).specHash();
        if (!enabled || specHash.isEmpty()) return pending;
        Map<String, List<WorkItem>> byText = new LinkedHashMap<>();
        pending.forEach(item -> byText.computeIfAbsent(AnalysisHashes.content(item.content()), hash -> new ArrayList<>()).add(item));
        Map<String, CachedAnswers.Entry> cached = answers.find(specHash, byText.keySet(), storedSince());
        List<WorkItem> toAsk = new ArrayList<>();
        byText.forEach((hash, items) -> {
            CachedAnswers.Entry answer = cached.get(hash);
            if (answer != null) {
                items.forEach(item -> kept.add(RowOutcome.fromCache(item.rowId(), answer.answer(), answer.trimmed())));
            } else {
                toAsk.add(items.get(0));
                asked.put(items.get(0).rowId(), new Asked(hash, items.subList(1, items.size()).stream().map(WorkItem::rowId).toList()));
            }
        });
        return toAsk;
    }

    /**
     * Body: the outcomes of the rows sent to the model (or, when none were, what the split left).
     * Stores the new answers; answers every row of the batch: asked, same text, and cached.
     */
    public List<RowOutcome> complete(Exchange exchange) {
        List<?> body = exchange.getMessage().getBody(List.class);
        @SuppressWarnings("unchecked")
        List<RowOutcome> outcomes = new ArrayList<>(exchange.getProperty(KEPT, List.class));
        @SuppressWarnings("unchecked")
        Map<Long, Asked> asked = exchange.getProperty(ASKED, Map.class);
        List<CachedAnswers.Entry> fresh = new ArrayList<>();
        for (Object element : body == null ? List.of() : body) {
            if (!(element instanceof RowOutcome outcome)) continue;
            outcomes.add(outcome);
            Asked row = asked.get(outcome.rowId());
            if (row == null) continue;
            row.sameTextRows().forEach(rowId -> outcomes.add(outcome.forRow(rowId)));
            if (outcome.succeeded()) {
                fresh.add(new CachedAnswers.Entry(row.contentHash(), outcome.result(), outcome.trimmed(), outcome.deployment()));
            }
        }
        exchange.setProperty(STORED, store(exchange.getProperty(RowAnalysis.JOB_SPEC, JobSpec.class).specHash(), fresh));
        long cachedRows = outcomes.stream().filter(RowOutcome::cached).count();
        hits.addAndGet(cachedRows);
        misses.addAndGet(outcomes.size() - cachedRows);
        return outcomes;
    }

    /**
     * For a batch-mode submission (after {@link #lookUp}): each row asked for its text, with the
     * rows of the same text that wait for its answer instead of being asked themselves.
     */
    public Map<Long, List<Long>> sameTextRows(Exchange exchange) {
        @SuppressWarnings("unchecked")
        Map<Long, Asked> asked = exchange.getProperty(ASKED, Map.class);
        Map<Long, List<Long>> rows = new LinkedHashMap<>();
        if (asked != null) asked.forEach((rowId, row) -> rows.put(rowId, row.sameTextRows()));
        return rows;
    }

    /**
     * Answers that came back from the Azure OpenAI Batch API: stored under the job's spec by the
     * text each row asked ({@code texts}, by row id), so a later run of the same text takes them;
     * every outcome counted as a miss (it was sent to the model). Answers the number stored.
     */
    public int remember(JobSpec spec, Map<Long, String> texts, List<RowOutcome> outcomes) {
        misses.addAndGet(outcomes.stream().filter(outcome -> !outcome.cached()).count());
        hits.addAndGet(outcomes.stream().filter(RowOutcome::cached).count());
        if (!enabled || spec.specHash().isEmpty()) return 0;
        List<CachedAnswers.Entry> fresh = new ArrayList<>();
        for (RowOutcome outcome : outcomes) {
            String text = texts.get(outcome.rowId());
            if (!outcome.succeeded() || outcome.cached() || text == null) continue;
            fresh.add(new CachedAnswers.Entry(AnalysisHashes.content(text), outcome.result(), outcome.trimmed(),
                    outcome.deployment()));
        }
        return store(spec.specHash(), fresh);
    }

    /** A failure to store loses only the saving on a later run, never the batch. */
    private int store(String specHash, List<CachedAnswers.Entry> fresh) {
        if (fresh.isEmpty()) return 0;
        try {
            answers.store(specHash, fresh);
            return fresh.size();
        } catch (RuntimeException e) {
            LOG.warn("Could not store {} answer(s) in the answer cache: {}", fresh.size(), e.getMessage());
            return 0;
        }
    }

    /** Drops expired answers, then the least recently used beyond the size bound. */
    public void purge() {
        answers.purge(storedSince(), maxEntries);
    }

    /** Entries stored before this are expired. */
    private Timestamp storedSince() {
        return Timestamp.from(Instant.now().minus(maxAge));
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** Rows answered from the cache since start, all jobs together. */
    public long hits() {
        return hits.get();
    }

    /** Rows looked up and not found since start (sent to the model, or sharing such a row's failure). */
    public long misses() {
        return misses.get();
    }

    /** Entries stored now. */
    public int entries() {
        return answers.count();
    }
}
