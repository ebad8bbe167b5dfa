package dev.smartsheetmcp.mcp;

import dev.smartsheetmcp.toolkit.ToolException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

/**
 * The way from the MCP server to the routes, open once every route runs. The server is built, and
 * over stdio answers {@code initialize} and the lists, while Camel still builds its routes; a call
 * that needs a route before then waits for them, at most {@code wait} (zero: without bound), and is
 * then told the server is still starting.
 */
final class StartedRoutes {

    private final CountDownLatch started = new CountDownLatch(1);
    private final Duration wait;
    private volatile ProducerTemplate producer;

    StartedRoutes(Duration wait) {
        this.wait = wait;
    }

    void open(CamelContext context) {
        producer = context.createProducerTemplate();
        started.countDown();
    }

    /** The producer, once the routes run. */
    ProducerTemplate producer() {
        try {
            if (wait.isZero()) {
                started.await();
            } else if (!started.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ToolException("The server is still starting (its routes are not running yet); try again in a few seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("Interrupted while the server was starting");
        }
        return producer;
    }
}
