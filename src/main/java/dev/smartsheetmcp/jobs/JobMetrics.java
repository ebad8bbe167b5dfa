package dev.smartsheetmcp.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.OnCamelContextStarting;

/**
 * The batch analysis meters: jobs in the queue by status (a gauge whose counts are read at most
 * once per refresh period, however often it is scraped), rows this process finished in a batch
 * (answer written, or failed) and of those the failed ones, and how long finished jobs took from
 * their first claim, by final status.
 */
public final class JobMetrics implements OnCamelContextStarting {

    private final JobQueue queue;
    private final JobReports reports;
    private final MeterRegistry registry;
    private final long refreshNanos;
    private final Counter rowsProcessed;
    private final Counter rowsFailed;
    private Map<JobStatus, Integer> counts = Map.of();
    private long countedAt;
    private boolean counted;

    public JobMetrics(JobQueue queue, JobReports reports, MeterRegistry registry, int queueDepthRefreshSeconds) {
        this.queue = queue;
        this.reports = reports;
        this.registry = registry;
        this.refreshNanos = Duration.ofSeconds(queueDepthRefreshSeconds).toNanos();
        this.rowsProcessed = Counter.builder("analysis.rows.processed")
                .description("Rows batch analysis finished in a batch: answer written, or failed").register(registry);
        this.rowsFailed = Counter.builder("analysis.rows.failed")
                .description("Rows batch analysis could not analyse or write").register(registry);
    }

    /** The gauges are registered by the bean the context keeps (Camel may build a routes file's beans twice). */
    @Override
    public void onContextStarting(CamelContext context) {
        for (JobStatus status : JobStatus.values()) {
            Gauge.builder("analysis.queue.depth", () -> count(status))
                    .description("Batch analysis jobs in the job store, by status").tag("status", status.wire())
                    .register(registry);
        }
    }

    /**
     * After a batch's commit: the rows it finished. The headers Processed and Failed still hold
     * the job's progress before the batch (see {@link JobRunner#prepareNext}).
     */
    public void batchCommitted(Exchange exchange) {
        Message message = exchange.getMessage();
        JobRecord job = queue.find(message.getHeader("JobId", String.class)).orElseThrow();
        rowsProcessed.increment(Math.max(0, job.processedRows() - message.getHeader("Processed", 0, Integer.class)));
        rowsFailed.increment(Math.max(0, job.failedRows() - message.getHeader("Failed", 0, Integer.class)));
    }

    /** After the job stopped running here: records its duration if it reached a final status. */
    public void jobEnded(Exchange exchange) {
        queue.find(exchange.getMessage().getHeader("JobId", String.class))
                .filter(job -> job.status().finished() && job.startedAt() != null && job.finishedAt() != null)
                .ifPresent(job -> Timer.builder("analysis.job.duration")
                        .description("Batch analysis jobs from first claim to final status")
                        .tag("status", job.status().wire())
                        .register(registry)
                        .record(Duration.between(job.startedAt(), job.finishedAt())));
    }

    private synchronized int count(JobStatus status) {
        if (!counted || System.nanoTime() - countedAt > refreshNanos) {
            counts = reports.countsByStatus();
            countedAt = System.nanoTime();
            counted = true;
        }
        return counts.getOrDefault(status, 0);
    }
}
