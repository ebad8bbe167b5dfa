package dev.smartsheetmcp.app;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListener;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times the start-up phase by phase, and logs each phase's duration at debug on this class's
 * logger ({@code LOG_LEVEL=DEBUG} shows them), from the JVM's start to the MCP server ready:
 * an operator sees where a slow start-up goes. A phase ends where the next begins: the JVM, the
 * command line, Camel Main's set-up, the bootstrap's steps, Camel's auto-configuration, the job
 * store (opened on a thread of its own since the settings were checked), the other beans, the
 * routes read from YAML, built and started, the wait for the MCP server (also built on a thread of
 * its own meanwhile; over stdio it answers as soon as it is built), and the port opened.
 */
final class Startup extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(Startup.class);

    private final long began;
    private long last;

    private Startup(long began) {
        this.began = began;
        this.last = began;
    }

    /**
     * Starts timing in {@code main}: the first phase is the JVM's own, from its start (the JVM's
     * clock, to the millisecond; the process's start time the system gives is only to the second).
     */
    static Startup begin() {
        long now = System.nanoTime();
        Startup startup = new Startup(now - TimeUnit.MILLISECONDS.toNanos(ManagementFactory.getRuntimeMXBean().getUptime()));
        startup.phase("jvm");
        return startup;
    }

    /** Starts timing now, without the JVM's phase (an application created in a running JVM). */
    static Startup fromNow() {
        return new Startup(System.nanoTime());
    }

    /** Ends the phase in progress, named {@code name}. */
    synchronized void phase(String name) {
        long now = System.nanoTime();
        LOG.debug("start-up phase {}: {} ms (at {} ms)", name, TimeUnit.NANOSECONDS.toMillis(now - last),
                TimeUnit.NANOSECONDS.toMillis(now - began));
        last = now;
    }

    /** A configuration class that only ends the phase in progress, where it stands among the others. */
    CamelConfiguration endOf(String name) {
        return new CamelConfiguration() {
            @Override
            public void configure(CamelContext camelContext) {
                phase(name);
            }
        };
    }

    /** Listens first: Camel Main's own set-up ends when the bootstrap begins. */
    @Override
    public void beforeConfigure(BaseMainSupport main) {
        phase("camel main set-up");
        main.getCamelContext().getManagementStrategy().addEventNotifier(new RoutesBuiltAndStarted());
    }

    /** Listens after the configuration classes: the routes are read from their YAML files. */
    @Override
    public void afterConfigure(BaseMainSupport main) {
        phase("routes read");
    }

    /** A listener to add after every other: the MCP server's start, once the routes run. */
    MainListener last() {
        return new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport main) {
                phase("mcp server");
            }
        };
    }

    private final class RoutesBuiltAndStarted extends EventNotifierSupport {

        RoutesBuiltAndStarted() {
            setIgnoreExchangeEvents(true);
            setIgnoreRouteEvents(true);
            setIgnoreServiceEvents(true);
            setIgnoreStepEvents(true);
        }

        @Override
        public boolean isEnabled(CamelEvent event) {
            return event.getType() == CamelEvent.Type.CamelContextInitialized
                    || event.getType() == CamelEvent.Type.CamelContextStarted;
        }

        @Override
        public void notify(CamelEvent event) {
            phase(event.getType() == CamelEvent.Type.CamelContextInitialized ? "routes built" : "routes started");
        }
    }
}
