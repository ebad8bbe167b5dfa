package dev.smartsheetmcp.testing;

import java.util.Map;
import java.util.Properties;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;

/**
 * The ground of this project's route tests: Camel Main (camel-test-main-junit5) with
 * application.properties, settings a subclass adds on top, and a short stop (calls a test leaves
 * waiting at a throttle must not hold it for the default 30 seconds). A subclass names the route
 * files and configuration classes under test in {@code configure(MainConfigurationProperties)}.
 */
public abstract class RouteTestSupport extends CamelMainTestSupport {

    /** Handed to the test kit in {@link #configureContext}, which runs in the super constructor; filled after. */
    private Properties overrides;

    /** Settings on top of application.properties; call from the subclass constructor. */
    protected void override(Map<String, String> settings) {
        overrides.putAll(settings);
    }

    @Override
    protected String getPropertyPlaceholderLocations() {
        return "classpath:application.properties";
    }

    @Override
    public void configureContext(CamelContextConfiguration context) {
        super.configureContext(context);
        overrides = new Properties();
        context.withUseOverridePropertiesWithPropertiesComponent(overrides);
        context.withShutdownTimeout(5);
    }
}
