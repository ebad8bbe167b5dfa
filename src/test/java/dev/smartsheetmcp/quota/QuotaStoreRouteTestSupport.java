package dev.smartsheetmcp.quota;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smartsheetmcp.jobs.JobsConfiguration;
import dev.smartsheetmcp.sandbox.FaultInjector;
import dev.smartsheetmcp.sandbox.smartsheet.ColumnSpec;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.smartsheet.SmartsheetClientConfiguration;
import dev.smartsheetmcp.testing.RouteTestSupport;
import dev.smartsheetmcp.toolkit.Json;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.main.MainConfigurationProperties;
import org.junit.jupiter.api.AfterEach;

/**
 * The Smartsheet client with the job store and the quota store as the application wires them
 * (JobsConfiguration, QuotaConfiguration) on the job store a subclass names, against the Smartsheet
 * emulator.
 */
abstract class QuotaStoreRouteTestSupport extends RouteTestSupport {

    static final String TOKEN = "quota-store-token";

    protected final SmartsheetEmulator smartsheet;
    protected final long sheetId;

    QuotaStoreRouteTestSupport(Map<String, String> jobStore) {
        try {
            smartsheet = new SmartsheetEmulator(new FaultInjector(7), 0);
            smartsheet.addToken(TOKEN);
            smartsheet.start(0, 16);
            Map<String, String> settings = new HashMap<>(Map.of("data.dir", Files.createTempDirectory("quota-store").toString(),
                    "smartsheet.base-url", smartsheet.baseUrl(), "smartsheet.api-key", TOKEN));
            settings.putAll(jobStore);
            override(settings);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        sheetId = smartsheet.createSheet(null, "Quota store", List.of(ColumnSpec.primary("Name")), List.of());
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.withRoutesIncludePattern("file:routes/smartsheet-client.yaml");
        configuration.addConfiguration(new Json());
        configuration.addConfiguration(new CamelConfiguration() {
            @Override
            public void configure(CamelContext camel) {
                camel.getRegistry().bind(MicrometerConstants.METRICS_REGISTRY_NAME, new SimpleMeterRegistry());
            }
        });
        configuration.addConfiguration(new JobsConfiguration());
        configuration.addConfiguration(new QuotaConfiguration());
        configuration.addConfiguration(new SmartsheetClientConfiguration());
    }

    @AfterEach
    void stopEmulator() {
        smartsheet.close();
    }

    protected QuotaStore store() {
        return context.getRegistry().lookupByNameAndType(QuotaConfiguration.BEAN, QuotaStore.class);
    }

    protected JsonNode getColumns() {
        return template.requestBodyAndHeader("direct:smartsheet-get-columns", null, "SheetId", sheetId, JsonNode.class);
    }
}
