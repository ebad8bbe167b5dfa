package dev.smartsheetmcp.app;

import dev.smartsheetmcp.analysis.azure.PooledDeployments;
import dev.smartsheetmcp.jobs.EarlyJobStore;
import dev.smartsheetmcp.sandbox.SandboxEnvironment;
import dev.smartsheetmcp.schedules.ConfiguredSchedules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PackageScanResourceResolver;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Runs before any route is built: installs the metrics registry; in sandbox mode starts the emulators and points the
 * settings at them; otherwise checks the settings (and, unless disabled, that the Azure
 * deployment exists); in both, checks the configured schedules. Stops the start-up with every
 * problem found; else starts opening the job store ({@link EarlyJobStore}).
 */
final class Bootstrap extends MainListenerSupport {

    private final Startup startup;

    Bootstrap(Startup startup) {
        this.startup = startup;
    }

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        Observability.install(context);
        speedUpRouteLoading(context);
        startup.phase("metrics");
        PropertiesComponent properties = context.getPropertiesComponent();
        Function<String, String> property = key -> properties.resolveProperty(key).orElse("");
        boolean sandbox = Boolean.parseBoolean(property.apply(Settings.SANDBOX.property()));
        if (sandbox) {
            startSandbox(context, properties, property);
            startup.phase("sandbox emulators");
        }
        List<String> problems = new ArrayList<>(ConfigValidator.problems(property, sandbox));
        problems.addAll(ConfiguredSchedules.read(properties).problems());
        if (!sandbox && problems.isEmpty() && shouldProbeAzure(property)) {
            new AzureDeploymentProbe(Duration.ofSeconds(10)).problem(
                    property.apply(Settings.AZURE_API_BASE.property()),
                    property.apply(Settings.AZURE_API_VERSION.property()),
                    property.apply(Settings.AZURE_DEPLOYMENT.property()),
                    property.apply(Settings.AZURE_API_KEY.property()))
                    .ifPresent(problems::add);
        }
        if (!sandbox && problems.isEmpty() && Boolean.parseBoolean(property.apply(Settings.AZURE_STARTUP_PROBE.property()))) {
            problems.addAll(new AzureDeploymentProbe(Duration.ofSeconds(10)).poolProblems(
                    PooledDeployments.read(property, System::getenv).members(),
                    property.apply(Settings.AZURE_API_VERSION.property())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        EarlyJobStore.open(context);
        startup.phase("settings checked");
    }

    /**
     * The classpath searched by jar directory ({@link JarDirectoryScan}); and the bean component
     * started before the routes are built, since it caches what it learns of a bean's class only
     * once started: else each of the routes' hundreds of {@code method:} calls would introspect its
     * bean's class anew, most of the routes' build time.
     */
    private static void speedUpRouteLoading(CamelContext context) {
        JarDirectoryScan scan = new JarDirectoryScan();
        scan.setCamelContext(context);
        context.getCamelContextExtension().addContextPlugin(PackageScanResourceResolver.class, scan);
        ServiceHelper.startService(context.getComponent("bean"));
    }

    private static boolean shouldProbeAzure(Function<String, String> property) {
        return ConfigValidator.azureConfigured(property)
                && Boolean.parseBoolean(property.apply(Settings.AZURE_STARTUP_PROBE.property()));
    }

    private static void startSandbox(CamelContext context, PropertiesComponent properties,
                                     Function<String, String> property) {
        try {
            SandboxEnvironment sandbox = SandboxEnvironment.start(property);
            context.addService(sandbox, true, true);
            context.getRegistry().bind("sandbox", sandbox);
            sandbox.applicationProperties().forEach(properties::addOverrideProperty);
        } catch (Exception e) {
            throw new IllegalStateException("the sandbox emulators could not start: " + e.getMessage(), e);
        }
    }
}
