package dev.smartsheetmcp.analysis.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smartsheetmcp.quota.QuotaExhaustedException;
import dev.smartsheetmcp.upstream.CallKind;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * A tool call's chat completion that would wait at the deployment's quota longer than
 * {@code azure.interactive.max-wait-ms} fails at once saying when to retry, and the quota tells what
 * the deployment could take now (the figure deployment pooling reads). At 6 RPM evaluated over 10 s
 * the deployment takes one request each 10 s.
 */
class AzureInteractiveQuotaRouteTest extends AzureRouteTestSupport {

    AzureInteractiveQuotaRouteTest() {
        super(6, 200_000);
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("azure.interactive.max-wait-ms", "300", "azure.rate-window-ms", "10000");
    }

    @Test
    void aToolCallBeyondTheBoundFailsAtOnceSayingWhenToRetry() {
        AzureQuota quota = context.getRegistry().lookupByNameAndType("azureQuota", AzureQuota.class);
        assertThat(quota.headroom(PRIMARY).requests()).as("a fresh deployment takes a request now").isEqualTo(1);

        assertThat(toolCall("first").getException()).isNull();
        Exception failure = toolCall("second").getException();

        assertThat(failure).isInstanceOf(QuotaExhaustedException.class)
                .hasMessageMatching("Azure OpenAI's quota for deployment '" + PRIMARY + "' is used up for now; retry in \\d+ s");
        assertThat(azure.completionCount(PRIMARY)).as("nothing sent for the second call").isEqualTo(1);
        assertThat(quota.headroom(PRIMARY).requests()).isZero();
        assertThat(quota.waitMillis(PRIMARY, 100)).isBetween(1L, 10_000L);
    }

    private Exchange toolCall(String text) {
        return template.send("direct:azure-chat", exchange -> {
            CallKind.markInteractive(exchange);
            exchange.getMessage().setBody(AzureChat.summarize(text));
        });
    }
}
