package dev.smartsheetmcp.testing;

import dev.smartsheetmcp.analysis.AnalysisConfiguration;
import dev.smartsheetmcp.jobs.JobStatusView;
import dev.smartsheetmcp.jobs.JobsConfiguration;
import dev.smartsheetmcp.resources.ResourcesConfiguration;
import dev.smartsheetmcp.sandbox.FaultInjector;
import dev.smartsheetmcp.sandbox.smartsheet.SmartsheetEmulator;
import dev.smartsheetmcp.smartsheet.SmartsheetClientConfiguration;
import dev.smartsheetmcp.toolkit.Json;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainConfigurationProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Route tests of the job flow with a real job store (HSQLDB in a fresh data directory) and the
 * Smartsheet client routes against the Smartsheet emulator; Azure OpenAI is {@code mock:azure-chat}
 * (a stand-in route for {@code direct:azure-chat}), so a test decides each row's answer or failure.
 * Runs {@code routes/smartsheet-client.yaml}, {@code routes/resources.yaml} (a job's change notices),
 * {@code routes/tools-analysis.yaml} (the steps that
 * queue a job) and the route files a subclass adds; no MCP server, no Azure client.
 */
public abstract class JobRouteTestSupport extends RouteTestSupport {

    private static final String TOKEN = "job-route-token";

    protected final SmartsheetEmulator smartsheet;
    protected MockEndpoint model;
    /** Every setting this test's context runs with on top of application.properties. */
    private final Map<String, String> settingsInUse = new HashMap<>();

    protected JobRouteTestSupport() {
        try {
            smartsheet = new SmartsheetEmulator(new FaultInjector(7), 0);
            smartsheet.addToken(TOKEN);
            smartsheet.start(0, 16);
            Map<String, String> all = new HashMap<>(Map.of(
                    "data.dir", Files.createTempDirectory("job-route-test").toString(),
                    "smartsheet.base-url", smartsheet.baseUrl(),
                    "smartsheet.api-key", TOKEN,
                    "smartsheet.rpm", "100000",
                    // every read reaches the emulator, whose faults a test turns on between calls
                    "smartsheet.metadata-cache.ttl-ms", "0",
                    // the model is the stand-in route; these only mark Azure OpenAI as configured
                    "azure.api-base", "http://127.0.0.1:9",
                    "azure.api-key", "unused",
                    "azure.deployment", "stand-in"));
            all.putAll(settings());
            settingsInUse.putAll(all);
            override(all);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The route files under test besides the Smartsheet client and the queueing steps, e.g. {@code analysis-jobs.yaml}. */
    protected abstract List<String> routeFiles();

    /** Settings on top of application.properties, the data directory and the emulator's address. */
    protected Map<String, String> settings() {
        return Map.of();
    }

    /** Bean configurations the route files need beyond the Smartsheet client, the job store and analysis. */
    protected List<CamelConfiguration> moreConfigurations() {
        return List.of();
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configureRoutes(configuration);
        configuration.addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:azure-chat").routeId("azure-chat-stand-in").to("mock:azure-chat");
            }
        });
    }

    /**
     * Another instance of the routes under test in this JVM, on the same job store and emulator:
     * this context's settings with {@code settings} on top (a different {@code jobs.node-id}, say);
     * {@code model} answers its calls to direct:azure-chat. The caller stops it.
     */
    protected Main startAnotherInstance(Map<String, String> settings, Processor model) throws Exception {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("classpath:application.properties");
        settingsInUse.forEach(main::addOverrideProperty);
        settings.forEach(main::addOverrideProperty);
        configureRoutes(main.configure());
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:azure-chat").routeId("azure-chat-stand-in").process(model);
            }
        });
        main.configure().withShutdownTimeout(5);
        main.start();
        return main;
    }

    private void configureRoutes(MainConfigurationProperties configuration) {
        String routes = Stream.concat(Stream.of("smartsheet-client.yaml", "tools-analysis.yaml", "resources.yaml"),
                routeFiles().stream()).map(file -> "file:routes/" + file).collect(Collectors.joining(","));
        configuration.withRoutesIncludePattern(routes);
        configuration.addConfiguration(new Json());
        configuration.addConfiguration(new CamelConfiguration() {
            @Override
            public void configure(CamelContext camel) {
                camel.getRegistry().bind(MicrometerConstants.METRICS_REGISTRY_NAME, new SimpleMeterRegistry());
            }
        });
        configuration.addConfiguration(new SmartsheetClientConfiguration());
        configuration.addConfiguration(new JobsConfiguration());
        configuration.addConfiguration(new AnalysisConfiguration());
        configuration.addConfiguration(new ResourcesConfiguration());
        moreConfigurations().forEach(configuration::addConfiguration);
    }

    @BeforeEach
    void findTheModel() {
        model = getMockEndpoint("mock:azure-chat");
    }

    @AfterEach
    void stopEmulator() {
        smartsheet.close();
    }

    /** Queues a job through start_batch_analysis's steps ({@code direct:analysis-start}); its id. */
    @SuppressWarnings("unchecked")
    protected String startJob(Map<String, Object> arguments) {
        Map<String, Object> answer = template.requestBody("direct:analysis-start", arguments, Map.class);
        return String.valueOf(answer.get("jobId"));
    }

    /** What get_job_status answers for the job, row errors included. */
    protected Map<String, Object> status(String jobId) {
        return context.getRegistry().lookupByNameAndType("jobStatusView", JobStatusView.class)
                .status(Map.of("jobId", jobId));
    }
}
