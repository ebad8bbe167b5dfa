package dev.smartsheetmcp.analysis;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.OnCamelContextStarting;

/** The answer cache's hits and misses since start, as counters (registered once the context keeps this bean). */
public final class AnswerCacheMetrics implements OnCamelContextStarting {

    private final AnswerCache cache;
    private final MeterRegistry registry;

    public AnswerCacheMetrics(AnswerCache cache, MeterRegistry registry) {
        this.cache = cache;
        this.registry = registry;
    }

    @Override
    public void onContextStarting(CamelContext context) {
        FunctionCounter.builder("analysis.cache.hits", cache, AnswerCache::hits)
                .description("Rows answered from the answer cache, with no model call").register(registry);
        FunctionCounter.builder("analysis.cache.misses", cache, AnswerCache::misses)
                .description("Rows the answer cache could not answer").register(registry);
    }
}
