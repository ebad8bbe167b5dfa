package dev.smartsheetmcp.smartsheet;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.smartsheetmcp.upstream.CallKind;
import dev.smartsheetmcp.upstream.UpstreamDeadline;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Identical Smartsheet reads share one request, and read-mostly metadata is kept a short time
 * (used by route smartsheet-call). A GET that meets an identical GET in flight (same path and query,
 * same {@link CallKind}) waits for its answer instead of sending its own; the first caller's exchange
 * makes the request. A sheet's columns and sample rows and the container listings (see
 * {@link SmartsheetPaths}) are kept for the metadata cache's time. Every caller gets its own copy of
 * the answer. A request that is not a GET drops at once, as it leaves and when it ends, the kept and
 * in-flight reads it may change, so no write tool can forget to. The process has one Smartsheet token,
 * so the token is not part of the key.
 */
public final class SharedReads {

    /** Exchange property: {@code shared} when another request's answer answered this one, else {@code sent}. */
    public static final String READ = "SmartsheetRead";
    /** Exchange property: the read this exchange sends for itself and the callers that joined it. */
    static final String LEADING = "SmartsheetLeadingRead";
    /** Exchange property: the path of the write this exchange sends, whose changes are dropped again once it ends. */
    static final String WRITING = "SmartsheetWritePath";

    private final ConcurrentHashMap<FlightKey, InFlight> inFlight = new ConcurrentHashMap<>();
    private final Cache<ReadKey, JsonNode> kept;
    /** Counts writes begun and ended: a read overlapping one is not kept. */
    private final AtomicLong writes = new AtomicLong();
    private final boolean coalesce;
    private final Counter coalesced;
    private final Counter cached;

    public SharedReads(boolean coalesce, long ttlMillis, long maxEntries, MeterRegistry meters) {
        this.coalesce = coalesce;
        kept = ttlMillis <= 0 ? null
                : Caffeine.newBuilder().expireAfterWrite(Duration.ofMillis(ttlMillis)).maximumSize(maxEntries).build();
        coalesced = counter(meters, "coalesced");
        cached = counter(meters, "cached");
    }

    private static Counter counter(MeterRegistry meters, String how) {
        return Counter.builder("smartsheet.reads.shared")
                .description("Smartsheet reads answered without a request of their own: coalesced with an identical read in flight, or cached")
                .tag("how", how).register(meters);
    }

    /** Before the request: answers a GET from the cache or an identical read in flight, or drops what a write changes. */
    public void share(Exchange exchange) throws Exception {
        exchange.removeProperty(LEADING);
        exchange.removeProperty(WRITING);
        exchange.setProperty(READ, "sent");
        Message message = exchange.getMessage();
        String path = message.getHeader(Exchange.HTTP_PATH, "", String.class);
        if (!"GET".equals(message.getHeader(Exchange.HTTP_METHOD, "GET", String.class))) {
            exchange.setProperty(WRITING, path);
            written(path);
            return;
        }
        ReadKey key = new ReadKey(path, message.getHeader(Exchange.HTTP_QUERY, "", String.class));
        JsonNode hit = kept == null ? null : kept.getIfPresent(key);
        if (hit != null) {
            answer(exchange, hit, cached);
            return;
        }
        InFlight mine = new InFlight(new FlightKey(key, CallKind.of(exchange)), writes.get());
        InFlight first = !coalesce ? mine : inFlight.compute(mine.key, (k, existing) -> existing == null ? mine : existing.joined());
        if (first == mine) {
            exchange.setProperty(LEADING, mine);
        } else {
            answer(exchange, await(exchange, first), coalesced);
        }
    }

    /** After an answer: hands a read's answer to the callers that joined it (and keeps it), or drops what a write changed. */
    public void sent(Exchange exchange) {
        InFlight read = exchange.getProperty(LEADING, InFlight.class);
        if (read == null) {
            writeEnded(exchange);
            return;
        }
        exchange.removeProperty(LEADING);
        inFlight.remove(read.key, read);
        ReadKey key = read.key.read();
        boolean keep = kept != null && read.writesAtStart == writes.get() && SmartsheetPaths.metadata(key.path(), key.query());
        if (!keep && read.followers.get() == 0) return;
        JsonNode snapshot = exchange.getMessage().getBody(JsonNode.class).deepCopy();
        if (keep) kept.put(key, snapshot);
        read.answer.complete(snapshot);
    }

    /** After a failure: the callers that joined the read fail with it; a write drops what it may have changed. Rethrows it. */
    public void failed(Exchange exchange) throws Exception {
        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        InFlight read = exchange.getProperty(LEADING, InFlight.class);
        if (read != null) {
            exchange.removeProperty(LEADING);
            inFlight.remove(read.key, read);
            read.answer.completeExceptionally(error);
        } else {
            writeEnded(exchange);
        }
        throw error;
    }

    /** A write may have changed what was read while it ran (even a failed one): drop it again. */
    private void writeEnded(Exchange exchange) {
        String path = exchange.getProperty(WRITING, String.class);
        if (path == null) return;
        exchange.removeProperty(WRITING);
        written(path);
    }

    private void written(String path) {
        writes.incrementAndGet();
        Predicate<String> changed = SmartsheetPaths.changedBy(path);
        inFlight.keySet().removeIf(key -> changed.test(key.read().path()));
        if (kept != null) kept.asMap().keySet().removeIf(key -> changed.test(key.path()));
    }

    private static void answer(Exchange exchange, JsonNode answer, Counter how) {
        exchange.getMessage().setBody(answer.deepCopy());
        exchange.setProperty(READ, "shared");
        how.increment();
    }

    /** The answer of the read in flight; an interactive caller waits no longer than its deadline. */
    private static JsonNode await(Exchange exchange, InFlight read) throws Exception {
        OptionalLong remaining = UpstreamDeadline.remainingMillis(exchange);
        try {
            return remaining.isPresent()
                    ? read.answer.get(Math.max(0, remaining.getAsLong()), TimeUnit.MILLISECONDS)
                    : read.answer.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception failure) throw failure;
            throw e;
        } catch (TimeoutException e) {
            throw new SmartsheetUnavailableException(0, 0, "an identical request to Smartsheet is still waiting for its"
                    + " answer after this call's time budget; try again in a few seconds", null);
        }
    }

    private record ReadKey(String path, String query) {
    }

    private record FlightKey(ReadKey read, CallKind kind) {
    }

    private static final class InFlight {
        final FlightKey key;
        final long writesAtStart;
        final CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        /** Grows only while the read is in the in-flight map; final once it left it. */
        final AtomicInteger followers = new AtomicInteger();

        InFlight(FlightKey key, long writesAtStart) {
            this.key = key;
            this.writesAtStart = writesAtStart;
        }

        InFlight joined() {
            followers.incrementAndGet();
            return this;
        }
    }
}
