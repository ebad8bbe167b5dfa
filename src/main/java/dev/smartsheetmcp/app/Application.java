package dev.smartsheetmcp.app;

import dev.smartsheetmcp.analysis.AnalysisConfiguration;
import dev.smartsheetmcp.analysis.azure.AzureClientConfiguration;
import dev.smartsheetmcp.analysis.batch.BatchConfiguration;
import dev.smartsheetmcp.collaboration.CollaborationConfiguration;
import dev.smartsheetmcp.completions.CompletionsConfiguration;
import dev.smartsheetmcp.crossrefs.CrossReferencesConfiguration;
import dev.smartsheetmcp.folders.FoldersConfiguration;
import dev.smartsheetmcp.jobs.JobsConfiguration;
import dev.smartsheetmcp.mcp.McpServerLifecycle;
import dev.smartsheetmcp.mcp.transport.StandardStreams;
import dev.smartsheetmcp.ops.OpsConfiguration;
import dev.smartsheetmcp.prompts.PromptsConfiguration;
import dev.smartsheetmcp.quota.QuotaConfiguration;
import dev.smartsheetmcp.reports.ReportsConfiguration;
import dev.smartsheetmcp.resources.ResourcesConfiguration;
import dev.smartsheetmcp.schedules.SchedulesConfiguration;
import dev.smartsheetmcp.search.SearchConfiguration;
import dev.smartsheetmcp.sheets.SheetsConfiguration;
import dev.smartsheetmcp.smartsheet.SmartsheetClientConfiguration;
import dev.smartsheetmcp.summary.SummaryConfiguration;
import dev.smartsheetmcp.toolkit.Json;
import dev.smartsheetmcp.users.UsersConfiguration;
import dev.smartsheetmcp.workspaces.WorkspacesConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.main.Main;
import picocli.CommandLine;

/** Entry point: parses the command line, then runs Camel Main with the routes in {@code routes/}. */
public final class Application {

    static final int CONFIGURATION_ERROR = 2;

    private Application() {
    }

    public static void main(String[] args) throws Exception {
        Startup startup = Startup.begin();
        LaunchOptions options = new LaunchOptions();
        CommandLine commandLine = new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true);
        try {
            commandLine.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            System.err.println(e.getMessage());
            commandLine.usage(System.err);
            System.exit(CONFIGURATION_ERROR);
        }
        if (commandLine.isUsageHelpRequested()) {
            commandLine.usage(System.out);
            return;
        }
        if (commandLine.isVersionHelpRequested()) {
            commandLine.printVersionHelp(System.out);
            return;
        }
        StandardStreams.reserveStdoutForProtocol();
        startup.phase("command line");
        int exitCode;
        try {
            exitCode = run(options, startup);
        } catch (Exception e) {
            System.err.println("smartsheet-mcp-pipeline could not start: " + e.getMessage());
            e.printStackTrace();
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    static int run(LaunchOptions options, Startup startup) throws Exception {
        Main main = create(options.propertyOverrides(), startup);
        try (StopBeforeExit stop = StopBeforeExit.install(main)) {
            main.run();
            return main.getExitCode();
        } catch (Exception e) {
            InvalidConfigurationException invalid = findInvalidConfiguration(e);
            if (invalid == null) throw e;
            invalid.problems().forEach(System.err::println);
            return CONFIGURATION_ERROR;
        }
    }

    /**
     * The application as Camel Main, not yet running; {@code overrides} win over every other
     * source of properties. Tests run it in-process this way.
     */
    public static Main create(Map<String, String> overrides) {
        return create(overrides, Startup.fromNow());
    }

    private static Main create(Map<String, String> overrides, Startup startup) {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation(
                "classpath:application.properties;optional=true,file:application.properties;optional=true");
        main.addOverrideProperty("camel.main.routes-include-pattern", routesLocation());
        main.setRoutesCollector(new RoutesReadOnce());
        overrides.forEach(main::addOverrideProperty);
        main.addMainListener(startup);
        main.addMainListener(new Bootstrap(startup));
        main.addMainListener(new McpServerLifecycle(startup::phase));
        main.addMainListener(startup.last());
        // beans by the names the routes use, in the order they need one another
        Stream.of(startup.endOf("camel auto-configuration"), new Json(), new JobsConfiguration(), new QuotaConfiguration(),
                startup.endOf("job store"), new AnalysisConfiguration(), new SchedulesConfiguration(),
                new AzureClientConfiguration(), new BatchConfiguration(), new SmartsheetClientConfiguration(),
                new SheetsConfiguration(), new WorkspacesConfiguration(), new UsersConfiguration(), new ReportsConfiguration(),
                new FoldersConfiguration(), new SearchConfiguration(), new SummaryConfiguration(),
                new CrossReferencesConfiguration(), new CollaborationConfiguration(), new ResourcesConfiguration(),
                new PromptsConfiguration(), new CompletionsConfiguration(), new OpsConfiguration(), startup.endOf("beans"))
                .forEach(main.configure()::addConfiguration);
        return main;
    }

    /** {@code ROUTES_DIR} if set, else {@code ./routes} if present, else the copy inside the jar. */
    private static String routesLocation() {
        String configured = System.getenv("ROUTES_DIR");
        if (configured != null && !configured.isBlank()) {
            return "file:" + Path.of(configured).toAbsolutePath().normalize() + "/*.yaml";
        }
        Path local = Path.of("routes");
        return Files.isDirectory(local) ? "file:" + local.toAbsolutePath().normalize() + "/*.yaml"
                : "classpath:routes/*.yaml";
    }

    private static InvalidConfigurationException findInvalidConfiguration(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidConfigurationException invalid) return invalid;
        }
        return null;
    }
}
