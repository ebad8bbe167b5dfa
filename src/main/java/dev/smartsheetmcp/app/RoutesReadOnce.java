package dev.smartsheetmcp.app;

import java.util.Collection;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.main.DefaultRoutesCollector;
import org.apache.camel.spi.Resource;

/**
 * Camel Main's collector of the route files, with each YAML file parsed once. Camel Main asks for
 * the files twice: first to pre-parse each one for modelines and {@code - beans:} blocks, which our
 * routes never hold (beans come from the configuration classes), then to load it. The pre-parse is
 * a second full YAML parse of every route file at every start; this collector gives it no files.
 */
final class RoutesReadOnce extends DefaultRoutesCollector {

    private boolean loading;

    @Override
    protected void doCollectRoutesFromDirectory(CamelContext camelContext, List<RoutesBuilder> builders,
                                                String excludePattern, String includePattern, boolean optional) {
        loading = true;
        try {
            super.doCollectRoutesFromDirectory(camelContext, builders, excludePattern, includePattern, optional);
        } finally {
            loading = false;
        }
    }

    @Override
    public Collection<Resource> findRouteResourcesFromDirectory(CamelContext camelContext, String excludePattern,
                                                                String includePattern) {
        return loading ? super.findRouteResourcesFromDirectory(camelContext, excludePattern, includePattern) : List.of();
    }
}
