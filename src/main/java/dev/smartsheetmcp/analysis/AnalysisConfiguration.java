package dev.smartsheetmcp.analysis;

import dev.smartsheetmcp.analysis.prompts.AnswerTrimmer;
import dev.smartsheetmcp.analysis.prompts.ContentChunker;
import dev.smartsheetmcp.analysis.prompts.PromptBuilder;
import dev.smartsheetmcp.analysis.prompts.PromptTemplates;
import dev.smartsheetmcp.analysis.prompts.TokenCounter;
import dev.smartsheetmcp.jobs.JobQueue;
import dev.smartsheetmcp.jobs.JobStatusView;
import dev.smartsheetmcp.jobs.JobUsage;
import dev.smartsheetmcp.jobs.RowResults;
import dev.smartsheetmcp.jobs.WorkItems;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.CamelContextHelper;

/**
 * Batch analysis's beans, by the names the routes use: prompts (templates, token counting with
 * the deployment's encoding, chunking, trimming), each row's analysis and outcome, the answer
 * cache and its metrics, the requests that start a job, the rows of a job and the waiter of
 * {@code wait: true}. Needs the job queue and its pool ({@code JobsConfiguration}).
 */
public final class AnalysisConfiguration implements CamelConfiguration {

    @PropertyInject("azure.tokenizer")
    private String tokenizer;
    @PropertyInject("azure.api-base")
    private String azureApiBase;
    @PropertyInject("azure.deployments")
    private String pooledDeployments;
    @PropertyInject("analysis.max-input-tokens")
    private int maxInputTokens;
    @PropertyInject("analysis.max-answer-chars")
    private int maxAnswerChars;
    @PropertyInject("analysis.temperature")
    private double temperature;
    @PropertyInject("analysis.cache.enabled")
    private boolean cacheEnabled;
    @PropertyInject("analysis.cache.max-entries")
    private int cacheMaxEntries;
    @PropertyInject("analysis.cache.max-age-hours")
    private int cacheMaxAgeHours;
    @PropertyInject("jobs.default-batch-size")
    private int defaultBatchSize;
    @PropertyInject("azure.batch.deployment")
    private String batchDeployment;
    @PropertyInject("jobs.wait-timeout-seconds")
    private int waitTimeoutSeconds;

    @Override
    public void configure(CamelContext camel) {
        Registry registry = camel.getRegistry();
        JobQueue queue = CamelContextHelper.mandatoryLookup(camel, "jobQueue", JobQueue.class);
        TokenCounter tokens = new TokenCounter(tokenizer);
        registry.bind("tokenCounter", tokens);
        PromptBuilder prompts = new PromptBuilder(new ContentChunker(tokens, maxInputTokens));
        registry.bind("promptBuilder", prompts);
        registry.bind("rowAnalysis", new RowAnalysis(prompts, new AnswerTrimmer(maxAnswerChars), temperature,
                CamelContextHelper.mandatoryLookup(camel, "jobUsage", JobUsage.class)));
        registry.bind("rowOutcomes", new RowOutcomes());
        DataSource jobsDataSource = CamelContextHelper.mandatoryLookup(camel, "jobsDataSource", DataSource.class);
        AnswerCache cache = new AnswerCache(new CachedAnswers(jobsDataSource), cacheEnabled, cacheMaxEntries, cacheMaxAgeHours);
        registry.bind("answerCache", cache);
        MeterRegistry meters = CamelContextHelper.mandatoryLookup(camel, MicrometerConstants.METRICS_REGISTRY_NAME,
                MeterRegistry.class);
        registry.bind("answerCacheMetrics", new AnswerCacheMetrics(cache, meters));
        registry.bind("analysisRequests", new AnalysisRequests(queue, PromptTemplates.defaults(),
                azureApiBase.isBlank() ? pooledDeployments : azureApiBase,
                defaultBatchSize, batchDeployment));
        registry.bind("jobRows", new JobRows(CamelContextHelper.mandatoryLookup(camel, "workItems", WorkItems.class),
                CamelContextHelper.mandatoryLookup(camel, "rowResults", RowResults.class)));
        registry.bind("jobWaiter", new JobWaiter(queue,
                CamelContextHelper.mandatoryLookup(camel, "jobStatusView", JobStatusView.class), waitTimeoutSeconds));
    }
}
