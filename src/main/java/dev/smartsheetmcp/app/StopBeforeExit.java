package dev.smartsheetmcp.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.spi.ShutdownStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JVM shutdown hook (SIGTERM, Ctrl-C) that holds the exit until Camel Main's run has returned, so
 * a stop under way finishes: the node id is released and the job store closed. Camel's own hook
 * ({@code DefaultMainShutdownStrategy}) starts a graceful stop and waits for it, but does nothing
 * when a stop has already begun, as it has over stdio once the client closed stdin; the JVM then
 * exited mid-stop. Bounded as Camel's hook is: the graceful shutdown's timeout
 * ({@code camel.main.shutdown-timeout}) plus {@code camel.main.extra-shutdown-timeout}.
 */
final class StopBeforeExit implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StopBeforeExit.class);

    private final Main main;
    private final CountDownLatch returned = new CountDownLatch(1);

    private StopBeforeExit(Main main) {
        this.main = main;
    }

    /** Installs the hook; {@link #close()} once {@code main.run()} has returned. */
    static StopBeforeExit install(Main main) {
        StopBeforeExit stop = new StopBeforeExit(main);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::awaitRunReturned, "stop-before-exit"));
        return stop;
    }

    @Override
    public void close() {
        returned.countDown();
    }

    private void awaitRunReturned() {
        long bound = boundSeconds();
        try {
            if (!returned.await(bound, TimeUnit.SECONDS)) {
                LOG.warn("The stop did not finish within {} s; exiting before it ends", bound);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long boundSeconds() {
        CamelContext context = main.getCamelContext();
        long graceful = context == null ? main.configure().getShutdownTimeout()
                : graceful(context.getShutdownStrategy());
        return graceful + main.configure().getExtraShutdownTimeout();
    }

    private static long graceful(ShutdownStrategy strategy) {
        return strategy.getTimeUnit().toSeconds(strategy.getTimeout());
    }
}
