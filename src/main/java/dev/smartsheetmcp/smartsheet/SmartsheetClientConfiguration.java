package dev.smartsheetmcp.smartsheet;

import dev.smartsheetmcp.ops.UpstreamBreakers;
import dev.smartsheetmcp.quota.QuotaConfiguration;
import dev.smartsheetmcp.upstream.CredentialHeader;
import dev.smartsheetmcp.upstream.NoAutomaticRetries;
import dev.smartsheetmcp.upstream.UpstreamRetries;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.component.http.CompositeHttpConfigurer;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;
import org.apache.camel.component.http.HttpMethods;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.SimpleTypeConverter;

/**
 * The Smartsheet client's beans, by the names {@code routes/smartsheet-client.yaml} and the tool
 * routes use: response handling, bulk-write chunking and aggregation, reading a sheet page by page,
 * the request quota, shared reads and the metadata cache, the retry policy and the interactive
 * retry budget, the circuit breaker, and the HTTP client that carries the token.
 */
public final class SmartsheetClientConfiguration implements CamelConfiguration {

    @PropertyInject("smartsheet.api-key")
    private String apiKey;
    @PropertyInject("smartsheet.rpm")
    private int requestsPerMinute;
    @PropertyInject("smartsheet.rate-window-ms")
    private long rateWindowMillis;
    @PropertyInject("smartsheet.interactive.max-wait-ms")
    private long interactiveMaxWaitMillis;
    @PropertyInject("smartsheet.retry.max-retries")
    private int maxRetries;
    @PropertyInject("smartsheet.retry.initial-delay-ms")
    private long retryInitialDelayMillis;
    @PropertyInject("smartsheet.retry.max-delay-ms")
    private long retryMaxDelayMillis;
    @PropertyInject("smartsheet.interactive.budget-ms")
    private long interactiveBudgetMillis;
    @PropertyInject("smartsheet.coalesce-reads")
    private boolean coalesceReads;
    @PropertyInject("smartsheet.metadata-cache.ttl-ms")
    private long metadataTtlMillis;
    @PropertyInject("smartsheet.metadata-cache.max-entries")
    private long metadataMaxEntries;
    @PropertyInject("smartsheet.circuit.failure-rate-threshold")
    private int circuitFailureRate;
    @PropertyInject("smartsheet.circuit.sliding-window-size")
    private int circuitWindow;
    @PropertyInject("smartsheet.circuit.minimum-calls")
    private int circuitMinimumCalls;
    @PropertyInject("smartsheet.circuit.open-seconds")
    private int circuitOpenSeconds;
    @PropertyInject("smartsheet.circuit.half-open-calls")
    private int circuitHalfOpenCalls;

    @Override
    public void configure(CamelContext camel) {
        Registry registry = camel.getRegistry();
        registry.bind("smartsheetResponses", new SmartsheetResponses());
        registry.bind("rowWriteReconciler", new RowWriteReconciler());
        registry.bind("chunks", new Chunks());
        registry.bind("bulkWriteAggregation", new BulkWriteAggregation());
        registry.bind("deletedRowIds", new DeletedRowIds());
        registry.bind("pagedReads", new PagedReads());
        registry.bind("smartsheetQuota", new SmartsheetQuota(QuotaConfiguration.store(camel), apiKey, requestsPerMinute,
                rateWindowMillis, interactiveMaxWaitMillis, new RequestWeights()));
        RedeliveryPolicy retries = UpstreamRetries.policy(maxRetries, retryInitialDelayMillis, retryMaxDelayMillis);
        registry.bind("smartsheetRedeliveryPolicy", retries);
        registry.bind("smartsheetRetryBudget", new RetryBudget(interactiveBudgetMillis, maxRetries, retries));
        registry.bind("smartsheetSharedReads", new SharedReads(coalesceReads, metadataTtlMillis, metadataMaxEntries, meters(registry)));
        registry.bind("smartsheetCircuitBreaker", UpstreamBreakers.breaker("smartsheet",
                SmartsheetUnavailableException.class, circuitFailureRate, circuitWindow, circuitMinimumCalls,
                circuitOpenSeconds, circuitHalfOpenCalls));
        // the token travels only inside the HTTP client (see CredentialHeader)
        CredentialHeader credentials = new CredentialHeader();
        credentials.setName("Authorization");
        credentials.setValue("Bearer " + apiKey);
        registry.bind("smartsheetHttpClient",
                CompositeHttpConfigurer.combineConfigurers(credentials, new NoAutomaticRetries()));
        // The routes name the HTTP method as text (CamelHttpMethod: GET); without a converter of its
        // own, Camel searches every converter for it on each request before its enum fallback.
        camel.getTypeConverterRegistry().addTypeConverter(HttpMethods.class, String.class,
                new SimpleTypeConverter(false, (type, exchange, value) -> HttpMethods.valueOf((String) value)));
    }

    /** The application's meter registry; route tests that boot only the client have none. */
    private static MeterRegistry meters(Registry registry) {
        MeterRegistry meters = registry.lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class);
        return meters != null ? meters : new SimpleMeterRegistry();
    }
}
