package dev.smartsheetmcp.ops;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import dev.smartsheetmcp.toolkit.ToolException;
import dev.smartsheetmcp.toolkit.ToolHeaders;

/**
 * Times every MCP tool call (the MCP bridge sending to {@code direct:tool-<name>}) as
 * {@code mcp.tool.calls} by tool and outcome: {@code ok}, {@code tool_error} (a failure reported to
 * the caller, see {@link ToolException}) or {@code internal_error}.
 */
public final class ToolCallMetrics extends ExchangeSentNotifier {

    private static final String TOOL_ENDPOINT = "direct://tool-";

    private final MeterRegistry registry;

    public ToolCallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void sent(ExchangeSentEvent event) {
        String tool = event.getExchange().getMessage().getHeader(ToolHeaders.TOOL, String.class);
        // a tool route calling another tool's route is part of the call the client made
        if (tool == null || !event.getEndpoint().getEndpointUri().equals(TOOL_ENDPOINT + tool)) return;
        Timer.builder("mcp.tool.calls")
                .description("MCP tool calls by tool and outcome")
                .tag("tool", tool)
                .tag("outcome", outcome(event.getExchange().getException()))
                .register(registry)
                .record(event.getTimeTaken(), TimeUnit.MILLISECONDS);
    }

    private static String outcome(Throwable error) {
        if (error == null) return "ok";
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ToolException || cause instanceof CallNotPermittedException) return "tool_error";
        }
        return "internal_error";
    }
}
