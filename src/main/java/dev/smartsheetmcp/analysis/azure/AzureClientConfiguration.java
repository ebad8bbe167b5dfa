package dev.smartsheetmcp.analysis.azure;

import dev.smartsheetmcp.analysis.prompts.TokenCounter;
import dev.smartsheetmcp.ops.UpstreamBreakers;
import dev.smartsheetmcp.quota.QuotaConfiguration;
import dev.smartsheetmcp.upstream.CredentialHeader;
import dev.smartsheetmcp.upstream.NoAutomaticRetries;
import dev.smartsheetmcp.upstream.UpstreamRetries;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.http.CompositeHttpConfigurer;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.RouteTemplateParameterSource;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.CamelContextHelper;

/**
 * The Azure OpenAI client's beans, by the names {@code routes/azure-client.yaml} uses: the
 * deployments, request writing and answer reading, the pace and the deployments' quotas, the retry policy,
 * one circuit breaker per deployment, and the HTTP client that carries the key; with
 * {@code azure.deployments}, the same per pooled deployment and their routes. Counts tokens with
 * the {@code tokenCounter} of {@code AnalysisConfiguration}.
 */
public final class AzureClientConfiguration implements CamelConfiguration {

    /** Bean name prefix of a pooled deployment's circuit breaker (the breaker itself is named azure-pool-&lt;id&gt;). */
    public static final String POOL_BREAKER_BEAN = "azurePoolCircuitBreaker-";

    @PropertyInject("azure.api-base")
    private String apiBase;
    @PropertyInject("azure.api-key")
    private String apiKey;
    @PropertyInject("azure.deployment")
    private String deployment;
    @PropertyInject("azure.fallback-deployment")
    private String fallbackDeployment;
    @PropertyInject("azure.rpm")
    private int requestsPerMinute;
    @PropertyInject("azure.tpm")
    private int tokensPerMinute;
    @PropertyInject("azure.rate-window-ms")
    private long rateWindowMillis;
    @PropertyInject("azure.tpm.refill-ms")
    private long tokenRefillMillis;
    @PropertyInject("azure.tpm.max-wait-ms")
    private long tokenMaxWaitMillis;
    @PropertyInject("azure.interactive.max-wait-ms")
    private long interactiveMaxWaitMillis;
    @PropertyInject("azure.pacing.recovery-ms")
    private long pacingRecoveryMillis;
    @PropertyInject("azure.retry.max-retries")
    private int maxRetries;
    @PropertyInject("azure.retry.initial-delay-ms")
    private long retryInitialDelayMillis;
    @PropertyInject("azure.retry.max-delay-ms")
    private long retryMaxDelayMillis;
    @PropertyInject("azure.fallback.after-rate-limits")
    private int fallbackAfterRateLimits;
    @PropertyInject("azure.circuit.failure-rate-threshold")
    private int circuitFailureRate;
    @PropertyInject("azure.circuit.sliding-window-size")
    private int circuitWindow;
    @PropertyInject("azure.circuit.minimum-calls")
    private int circuitMinimumCalls;
    @PropertyInject("azure.circuit.open-seconds")
    private int circuitOpenSeconds;
    @PropertyInject("azure.circuit.half-open-calls")
    private int circuitHalfOpenCalls;
    @PropertyInject("azure.batch.deployment")
    private String batchDeployment;
    @PropertyInject("azure.batch.pool-entry")
    private String batchPoolEntry;
    @PropertyInject("data.dir")
    private String dataDir;

    @Override
    public void configure(CamelContext camel) {
        Registry registry = camel.getRegistry();
        AzureDeployments deployments = new AzureDeployments();
        deployments.setApiBase(apiBase);
        deployments.setPrimary(deployment);
        deployments.setFallback(fallbackDeployment);
        deployments.setBatchEntry(batchPoolEntry);
        registry.bind("azureDeployments", deployments);
        registry.bind("azureChatRequests",
                new AzureChatRequests(CamelContextHelper.mandatoryLookup(camel, "tokenCounter", TokenCounter.class)));
        registry.bind("azureResponses", new AzureResponses());
        AzurePacing pacing = pacing();
        registry.bind("azurePacing", pacing);
        AzureQuota quota = quota(camel, pacing);
        registry.bind("azureQuota", quota);
        AzureDeploymentPool pool = pool(camel, pacing, quota);
        deployments.setPool(pool);
        registry.bind("azureDeploymentPool", pool);
        AzureRetryPolicy retryPolicy = new AzureRetryPolicy();
        retryPolicy.setMaxRetries(maxRetries);
        retryPolicy.setFallbackAfterRateLimits(fallbackAfterRateLimits);
        retryPolicy.setDeployments(deployments);
        registry.bind("azureRetryPolicy", retryPolicy);
        registry.bind("azureRedeliveryPolicy",
                UpstreamRetries.policy(maxRetries, retryInitialDelayMillis, retryMaxDelayMillis));
        // one breaker per deployment; each opens when azure.circuit.failure-rate-threshold percent of
        // its last calls failed for want of an answer (never for a filtered or bad request)
        registry.bind("azurePrimaryCircuitBreaker", breaker("azure-primary"));
        registry.bind("azureFallbackCircuitBreaker", breaker("azure-fallback"));
        // the Files and Batches APIs: their own breaker, the same retries, none of the online pace
        registry.bind("azureBatchCircuitBreaker", breaker("azure-batch"));
        registry.bind("azureBatchRequests", new AzureBatchRequests(batchDeployment));
        registry.bind("azureBatchResponses", new AzureBatchResponses(java.nio.file.Path.of(dataDir, "azure-batch")));
        registry.bind(AzureDeployments.HTTP_CLIENT_BEAN, httpClient(apiKey));
    }

    /**
     * The deployments of {@code azure.deployments} (none: the primary and fallback serve): each gets
     * its quotas, its circuit breaker, an HTTP client with its key, and its route from the
     * {@code azure-deployment} template ({@code azure-pool-<id>}).
     */
    private AzureDeploymentPool pool(CamelContext camel, AzurePacing pacing, AzureQuota quota) {
        PropertiesComponent properties = camel.getPropertiesComponent();
        List<PooledDeployments.Member> members = PooledDeployments.read(
                key -> properties.resolveProperty(key).orElse(""), System::getenv).members();
        AzureDeploymentPool pool = new AzureDeploymentPool(pacing);
        Map<String, Map<String, Object>> routes = new LinkedHashMap<>();
        for (PooledDeployments.Member member : members) {
            pacing.setRequestsPerMinute(member.id(), member.requestsPerMinute());
            quota.setDeployment(member.id(), member.endpoint(), member.requestsPerMinute(), member.tokensPerMinute());
            String breakerBean = POOL_BREAKER_BEAN + member.id();
            CircuitBreaker breaker = breaker("azure-pool-" + member.id());
            camel.getRegistry().bind(breakerBean, breaker);
            camel.getRegistry().bind(AzureDeployments.HTTP_CLIENT_BEAN + "-" + member.id(), httpClient(member.apiKey()));
            pool.add(member, breaker);
            routes.put("azure-pool-" + member.id(),
                    Map.of("templateId", "azure-deployment", "deployment", "pool-" + member.id(), "breaker", breakerBean));
        }
        if (!routes.isEmpty()) camel.getRegistry().bind("azurePoolRoutes", new RouteTemplateParameterSource() {
            @Override
            public Map<String, Object> parameters(String routeId) { return routes.get(routeId); }

            @Override
            public Set<String> routeIds() { return routes.keySet(); }
        });
        return pool;
    }

    /** The key travels only inside the HTTP client (see CredentialHeader). */
    private static HttpClientConfigurer httpClient(String key) {
        CredentialHeader credentials = new CredentialHeader();
        credentials.setName("api-key");
        credentials.setValue(key);
        return CompositeHttpConfigurer.combineConfigurers(credentials, new NoAutomaticRetries());
    }

    private AzurePacing pacing() {
        AzurePacing pacing = new AzurePacing();
        pacing.setRequestsPerMinute(requestsPerMinute);
        pacing.setWindowMillis(rateWindowMillis);
        pacing.setRecoveryMillis(pacingRecoveryMillis);
        return pacing;
    }

    private AzureQuota quota(CamelContext camel, AzurePacing pacing) {
        AzureQuota quota = new AzureQuota(QuotaConfiguration.store(camel), apiBase == null ? "" : apiBase.trim(), pacing);
        quota.setRequestsPerMinute(requestsPerMinute);
        quota.setTokensPerMinute(tokensPerMinute);
        quota.setWindowMillis(rateWindowMillis);
        quota.setRefillMillis(tokenRefillMillis);
        quota.setInteractiveWaitMillis(interactiveMaxWaitMillis);
        quota.setBatchWaitMillis(tokenMaxWaitMillis);
        return quota;
    }

    private CircuitBreaker breaker(String name) {
        return UpstreamBreakers.breaker(name, AzureUnavailableException.class, circuitFailureRate, circuitWindow,
                circuitMinimumCalls, circuitOpenSeconds, circuitHalfOpenCalls);
    }
}
