package dev.smartsheetmcp.analysis.azure;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;

/**
 * Chooses, for each attempt of a call, the pooled deployment ({@code azure.deployments}) with the
 * most headroom: the one that would clear the calls already in flight on it, plus this one,
 * soonest within its quotas (requests against its RPM, their tokens against its TPM), at its
 * current pace; ties go round-robin. A deployment whose circuit is open, or
 * that this call already tried, is skipped; one paused after a 429 has next to no headroom. When
 * an attempt is rate-limited, fails for want of an answer or meets an open circuit, the call moves
 * to the next best deployment; it fails only when every deployment was tried.
 */
public final class AzureDeploymentPool {

    /** Exchange property: the pool member the current attempt goes to. */
    public static final String MEMBER = "AzurePoolMember";
    private static final String TRIED = "AzurePoolTried";
    private static final String ANSWERED = "AzurePoolAnswered";
    private static final String REQUEST = "AzurePoolRequest";
    private static final double LEAST_HEADROOM = 0.01;

    private final Map<String, Entry> members = new LinkedHashMap<>();
    private final AtomicInteger nextTie = new AtomicInteger();
    private final AzurePacing pacing;

    public AzureDeploymentPool(AzurePacing pacing) {
        this.pacing = pacing;
    }

    void add(PooledDeployments.Member member, CircuitBreaker breaker) {
        members.put(member.id(), new Entry(member, breaker));
    }

    public boolean pooled() {
        return !members.isEmpty();
    }

    List<PooledDeployments.Member> members() {
        return members.values().stream().map(Entry::member).toList();
    }

    PooledDeployments.Member member(String id) {
        Entry entry = members.get(id);
        if (entry == null) throw new IllegalArgumentException("no pooled deployment " + id);
        return entry.member();
    }

    /** A new call: nothing tried yet; the request body is kept for the attempts after the first. */
    public void start(Exchange exchange) {
        exchange.setProperty(TRIED, new HashSet<String>());
        exchange.removeProperty(ANSWERED);
        exchange.setProperty(REQUEST, exchange.getMessage().getBody());
    }

    /**
     * The loop's condition: false once the call is answered; otherwise picks the next deployment
     * (property {@value #MEMBER}), restores the request body and counts the attempt in flight.
     */
    public boolean nextAttempt(Exchange exchange) {
        if (exchange.getProperty(ANSWERED, false, Boolean.class)) return false;
        int tokens = tokens(exchange);
        Entry best = best(tried(exchange), true, tokens);
        if (best == null) best = best(tried(exchange), false, tokens); // every untried circuit is open: let it say so
        if (best == null) return false;
        tried(exchange).add(best.member().id());
        best.inFlight().incrementAndGet();
        best.tokensInFlight().addAndGet(tokens);
        exchange.setProperty(MEMBER, best.member().id());
        exchange.getMessage().setBody(exchange.getProperty(REQUEST));
        return true;
    }

    public void answered(Exchange exchange) {
        exchange.setProperty(ANSWERED, true);
    }

    /** The attempt is over, answered or not. */
    public void release(Exchange exchange) {
        Entry entry = members.get(exchange.getProperty(MEMBER, String.class));
        if (entry == null) return;
        entry.inFlight().decrementAndGet();
        entry.tokensInFlight().addAndGet(-tokens(exchange));
    }

    /** An attempt failed in a way another deployment may not: rethrows when no deployment is left to try. */
    public void handOver(Exchange exchange) throws Exception {
        if (best(tried(exchange), false, 0) == null) throw exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }

    /** Whether the call's current attempt should stop retrying and move on (see {@link AzureRetryPolicy}). */
    boolean canHandOver(Exchange exchange) {
        Set<String> tried = exchange.getProperty(TRIED, Set.class);
        return tried != null && best(tried, true, 0) != null;
    }

    private Entry best(Set<String> tried, boolean closedOnly, int tokens) {
        List<Entry> all = List.copyOf(members.values());
        int start = Math.floorMod(nextTie.getAndIncrement(), all.size());
        Entry best = null;
        double bestScore = -1;
        for (int i = 0; i < all.size(); i++) {
            Entry candidate = all.get((start + i) % all.size());
            if (tried.contains(candidate.member().id()) || closedOnly && refusesCalls(candidate.breaker())) continue;
            double score = score(candidate, tokens);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * The inverse of the minutes the deployment needs for its calls in flight plus this one: by
     * request count against its RPM or by tokens against its TPM, whichever is longer, at its pace
     * ({@link AzurePacing#headroom}: lower after 429s, next to nothing while it holds off).
     */
    private double score(Entry entry, int tokens) {
        PooledDeployments.Member member = entry.member();
        double minutes = Math.max((entry.inFlight().get() + 1.0) / member.requestsPerMinute(),
                (entry.tokensInFlight().get() + tokens + 1.0) / member.tokensPerMinute());
        return Math.max(LEAST_HEADROOM, pacing.headroom(member.id())) / minutes;
    }

    private static int tokens(Exchange exchange) {
        return exchange.getProperty(AzureChatRequests.TOKEN_COST, 0, Integer.class);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> tried(Exchange exchange) {
        return exchange.getProperty(TRIED, Set.class);
    }

    private static boolean refusesCalls(CircuitBreaker breaker) {
        return breaker.getState() == CircuitBreaker.State.OPEN || breaker.getState() == CircuitBreaker.State.FORCED_OPEN;
    }

    private record Entry(PooledDeployments.Member member, CircuitBreaker breaker, AtomicInteger inFlight,
                         AtomicLong tokensInFlight) {
        Entry(PooledDeployments.Member member, CircuitBreaker breaker) {
            this(member, breaker, new AtomicInteger(), new AtomicLong());
        }
    }
}
