package dev.smartsheetmcp.jobs;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.CamelContextHelper;

/**
 * The job queue's beans, by the names the routes use: the job store's pool ({@code jobsDataSource},
 * closed when Camel stops), the queue, its work items, the rows' last written results and the
 * reporting queries, this instance's leases and its node id (refused at start when another live
 * instance holds it, else taking back its own jobs), the job slots and batch turns, the worker,
 * batch commits, status views, job metrics and the store's health check.
 */
public final class JobsConfiguration implements CamelConfiguration {

    @PropertyInject("jobs.jdbc-url")
    private String jdbcUrl;
    @PropertyInject("jobs.jdbc-user")
    private String jdbcUser;
    @PropertyInject("jobs.jdbc-password")
    private String jdbcPassword;
    @PropertyInject("jobs.pool-size")
    private int poolSize;
    @PropertyInject("jobs.node-id")
    private String nodeId;
    @PropertyInject("data.dir")
    private String dataDir;
    @PropertyInject("jobs.lease-seconds")
    private int leaseSeconds;
    @PropertyInject("jobs.heartbeat-seconds")
    private int heartbeatSeconds;
    @PropertyInject("jobs.node-expiry-seconds")
    private int nodeExpirySeconds;
    @PropertyInject("jobs.idle-in-transaction-timeout-ms")
    private long idleInTransactionMillis;
    @PropertyInject("jobs.concurrency")
    private int concurrency;
    @PropertyInject("jobs.batches-in-flight")
    private int batchesInFlight;
    @PropertyInject("jobs.max-failed-fraction")
    private double maxFailedFraction;
    @PropertyInject("jobs.min-rows-before-failing")
    private int minRowsBeforeFailing;
    @PropertyInject("jobs.max-attempts")
    private int maxAttempts;
    @PropertyInject("jobs.retry-delay-seconds")
    private int retryDelaySeconds;
    @PropertyInject("tools.max-answer-chars")
    private int maxAnswerChars;
    @PropertyInject("costs.online.prompt-per-million")
    private double onlinePromptPrice;
    @PropertyInject("costs.online.completion-per-million")
    private double onlineCompletionPrice;
    @PropertyInject("costs.batch.prompt-per-million")
    private double batchPromptPrice;
    @PropertyInject("costs.batch.completion-per-million")
    private double batchCompletionPrice;
    @PropertyInject("costs.currency")
    private String currency;
    @PropertyInject("metrics.queue-depth-refresh-seconds")
    private int queueDepthRefreshSeconds;

    @Override
    public void configure(CamelContext camel) throws Exception {
        Registry registry = camel.getRegistry();
        if (heartbeatSeconds < 1 || heartbeatSeconds * 3 > leaseSeconds || nodeExpirySeconds <= 2 * heartbeatSeconds) {
            throw new IllegalArgumentException("jobs.heartbeat-seconds (JOBS_HEARTBEAT_SECONDS) must be at least 1 and at most a third of "
                    + "jobs.lease-seconds, and jobs.node-expiry-seconds more than twice the heartbeat");
        }
        HikariDataSource dataSource = EarlyJobStore.take(camel);
        if (dataSource == null) dataSource = JobDatabase.open(jdbcUrl, jdbcUser, jdbcPassword, poolSize, idleInTransactionMillis);
        registry.bind("jobsDataSource", HikariDataSource.class, dataSource, null, "close");
        JobLease lease = new JobLease(dataSource, nodeId, dataDir, leaseSeconds);
        registry.bind("jobLease", lease);
        // refuses to start under a NODE_ID another live instance holds; else frees the id's old leases
        JobNode node = new JobNode(dataSource, lease, Duration.ofSeconds(heartbeatSeconds), Duration.ofSeconds(nodeExpirySeconds));
        node.join();
        registry.bind("jobNode", node);
        // the id is free for a restart once Camel stops: after the routes, while the pool is still open
        camel.addService(node.releaseAtStop());
        JobQueue queue = new JobQueue(dataSource, lease);
        registry.bind("jobQueue", queue);
        RowResults rowResults = new RowResults(dataSource);
        registry.bind("rowResults", rowResults);
        WorkItems workItems = new WorkItems(dataSource, rowResults, lease);
        registry.bind("workItems", workItems);
        JobReports reports = new JobReports(dataSource);
        registry.bind("jobReports", reports);
        BatchTurns turns = new BatchTurns(batchesInFlight);
        registry.bind("jobSlots", new JobSlots(concurrency, lease, turns));
        registry.bind("jobRunner", new JobRunner(queue, workItems, reports, lease, turns, maxFailedFraction,
                minRowsBeforeFailing, maxAttempts, retryDelaySeconds));
        registry.bind("batchWrites", new BatchWrites(queue, workItems));
        BatchSubmissions submissions = new BatchSubmissions(dataSource);
        registry.bind("batchSubmissions", submissions);
        JobUsage usage = new JobUsage(dataSource);
        registry.bind("jobUsage", usage);
        JobCosts costs = new JobCosts(new JobCosts.Prices(onlinePromptPrice, onlineCompletionPrice),
                new JobCosts.Prices(batchPromptPrice, batchCompletionPrice), currency);
        JobStatusView statusView = new JobStatusView(queue, reports, new JobStatusView.Spending(submissions, usage, costs));
        statusView.setDefaultMaxChars(maxAnswerChars);
        registry.bind("jobStatusView", statusView);
        MeterRegistry meters = CamelContextHelper.mandatoryLookup(camel, MicrometerConstants.METRICS_REGISTRY_NAME,
                MeterRegistry.class);
        registry.bind("jobMetrics", new JobMetrics(queue, reports, meters, queueDepthRefreshSeconds));
        registry.bind("jobStoreHealthCheck", new JobStoreHealthCheck(dataSource));
    }
}
