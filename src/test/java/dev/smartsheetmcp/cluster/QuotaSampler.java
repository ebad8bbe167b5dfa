package dev.smartsheetmcp.cluster;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches, every 100 ms, the Azure emulator's completions and 429s for a deployment and which
 * instance holds each followed job: the cluster's pace against the one quota, from outside.
 */
public final class QuotaSampler {

    /** One look: when (ns), completions and 429s so far. */
    private record Sample(long nanos, int completions, int rateLimited) {}

    /**
     * The pace between the samples where 10% and 90% of the expected calls were answered (so
     * start-up and the last stragglers do not count), the 429s in all and those after the edge.
     */
    public record Figures(double perSecond, int completions, int rateLimited, int rateLimitedAfterEdge, double seconds) {
        @Override
        public String toString() {
            return String.format("%d completions, %.1f a second (10%%-90%%), %d 429s (%d after the start edge), %.1f s",
                    completions, perSecond, rateLimited, rateLimitedAfterEdge, seconds);
        }
    }

    private final Cluster cluster;
    private final String deployment;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final List<String> jobs = new CopyOnWriteArrayList<>();
    private final Map<String, Set<String>> owners = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    public QuotaSampler(Cluster cluster, String deployment) {
        this.cluster = cluster;
        this.deployment = deployment;
        timer.scheduleAtFixedRate(this::sample, 0, 100, TimeUnit.MILLISECONDS);
    }

    /** Also records which instances hold these jobs' leases. */
    public void follow(List<String> jobIds) {
        jobs.addAll(jobIds);
    }

    private void sample() {
        samples.add(new Sample(System.nanoTime(), cluster.azure().completionCount(deployment),
                cluster.azure().rateLimitedCount(deployment)));
        for (String job : jobs) {
            try {
                String owner = cluster.database().job(job).leaseOwner();
                if (owner != null) owners.computeIfAbsent(job, key -> new TreeSet<>()).add(owner);
            } catch (SQLException | AssertionError e) {
                // the next look will tell
            }
        }
    }

    public void stop() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        sample();
    }

    /** Job id to the lease owners seen while it ran. */
    public Map<String, Set<String>> owners() {
        return new TreeMap<>(owners);
    }

    /** The figures for {@code expected} calls; 429s within {@code edge} of the first completion are the start edge. */
    public Figures figures(int expected, Duration edge) {
        Sample first = firstReaching(1);
        Sample from = firstReaching(Math.max(1, expected / 10));
        Sample to = firstReaching(expected * 9 / 10);
        Sample last = samples.get(samples.size() - 1);
        if (first == null || from == null || to == null || to == from) {
            return new Figures(0, last.completions(), last.rateLimited(), last.rateLimited(), 0);
        }
        Sample atEdge = samples.stream().filter(s -> s.nanos() >= first.nanos() + edge.toNanos()).findFirst().orElse(last);
        double seconds = (to.nanos() - from.nanos()) / 1e9;
        return new Figures((to.completions() - from.completions()) / seconds, last.completions(), last.rateLimited(),
                last.rateLimited() - atEdge.rateLimited(), (last.nanos() - first.nanos()) / 1e9);
    }

    private Sample firstReaching(int completions) {
        return samples.stream().filter(s -> s.completions() >= completions).findFirst().orElse(null);
    }
}
