package dev.smartsheetmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smartsheetmcp.toolkit.ToolException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** A call the MCP server takes while Camel still builds its routes waits for them, within a bound. */
class StartedRoutesTest {

    @Test
    void aCallBeforeTheRoutesRunWaitsForThemAndIsAnswered() throws Exception {
        StartedRoutes routes = new StartedRoutes(Duration.ofSeconds(30));
        CompletableFuture<Object> early = CompletableFuture.supplyAsync(
                () -> routes.producer().requestBody("direct:echo", "hello"));
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:echo").setBody(simple("echo ${body}"));
                }
            });
            Thread.sleep(200);
            assertThat(early).as("waiting for the routes").isNotDone();
            context.start();
            routes.open(context);
            assertThat(early.get(10, TimeUnit.SECONDS)).isEqualTo("echo hello");
        }
    }

    @Test
    void withoutABoundACallWaitsForTheRoutesHoweverLong() throws Exception {
        StartedRoutes routes = new StartedRoutes(Duration.ZERO);
        CompletableFuture<Object> early = CompletableFuture.supplyAsync(routes::producer);
        Thread.sleep(300);
        assertThat(early).isNotDone();
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            routes.open(context);
            assertThat(early.get(10, TimeUnit.SECONDS)).isNotNull();
        }
    }

    @Test
    void aCallThatWaitsLongerThanItsBoundIsToldTheServerIsStillStarting() {
        StartedRoutes routes = new StartedRoutes(Duration.ofMillis(100));
        assertThatThrownBy(routes::producer).isInstanceOf(ToolException.class)
                .hasMessageContaining("still starting").hasMessageContaining("try again");
    }
}
