package dev.smartsheetmcp.analysis.batch;

import dev.smartsheetmcp.analysis.AnswerCache;
import dev.smartsheetmcp.analysis.azure.AzureBatchRequests;
import dev.smartsheetmcp.analysis.prompts.AnswerTrimmer;
import dev.smartsheetmcp.analysis.prompts.PromptBuilder;
import dev.smartsheetmcp.jobs.BatchSubmissions;
import dev.smartsheetmcp.jobs.JobLease;
import dev.smartsheetmcp.jobs.JobQueue;
import dev.smartsheetmcp.jobs.JobUsage;
import dev.smartsheetmcp.jobs.WorkItems;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.CamelContextHelper;

/**
 * Batch mode's beans, by the names {@code routes/analysis-batch.yaml} uses: request files, the
 * job's next step, polling reports and results. Needs the job store ({@code JobsConfiguration}),
 * the prompts ({@code AnalysisConfiguration}) and the Azure client ({@code AzureClientConfiguration}).
 */
public final class BatchConfiguration implements CamelConfiguration {

    @PropertyInject("azure.batch.max-requests-per-file")
    private int maxRequestsPerFile;
    @PropertyInject("azure.batch.max-file-bytes")
    private long maxFileBytes;
    @PropertyInject("azure.batch.on-error-line")
    private String onErrorLine;
    @PropertyInject("azure.batch.on-expiry")
    private String onExpiry;
    @PropertyInject("azure.batch.max-submissions")
    private int maxSubmissions;
    @PropertyInject("analysis.temperature")
    private double temperature;
    @PropertyInject("analysis.max-answer-chars")
    private int maxAnswerChars;
    @PropertyInject("jobs.lease-seconds")
    private int leaseSeconds;
    @PropertyInject("data.dir")
    private String dataDir;

    @Override
    public void configure(CamelContext camel) {
        Registry registry = camel.getRegistry();
        BatchSubmissions submissions = CamelContextHelper.mandatoryLookup(camel, "batchSubmissions", BatchSubmissions.class);
        registry.bind("batchRequestFiles", new BatchRequestFiles(submissions,
                CamelContextHelper.mandatoryLookup(camel, "promptBuilder", PromptBuilder.class),
                CamelContextHelper.mandatoryLookup(camel, "azureBatchRequests", AzureBatchRequests.class), temperature,
                maxRequestsPerFile, maxFileBytes, Path.of(dataDir, "azure-batch")));
        registry.bind("batchJobs", new BatchJobs(submissions, CamelContextHelper.mandatoryLookup(camel, "jobQueue", JobQueue.class),
                CamelContextHelper.mandatoryLookup(camel, "jobLease", JobLease.class), Duration.ofSeconds(leaseSeconds)));
        registry.bind("batchPolling", new BatchPolling(submissions));
        registry.bind("batchResults", new BatchResults(CamelContextHelper.mandatoryLookup(camel, "workItems", WorkItems.class),
                submissions, CamelContextHelper.mandatoryLookup(camel, "jobUsage", JobUsage.class),
                CamelContextHelper.mandatoryLookup(camel, "answerCache", AnswerCache.class), new AnswerTrimmer(maxAnswerChars), onErrorLine, onExpiry, maxSubmissions));
    }
}
