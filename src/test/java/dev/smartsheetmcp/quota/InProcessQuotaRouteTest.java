package dev.smartsheetmcp.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the default HSQLDB file job store (one process), the quotas stay in this process's memory. */
class InProcessQuotaRouteTest extends QuotaStoreRouteTestSupport {

    InProcessQuotaRouteTest() {
        super(Map.of());
    }

    @Test
    void theDefaultHsqldbJobStoreKeepsTheQuotasInThisProcess() {
        assertThat(context.resolvePropertyPlaceholders("{{jobs.jdbc-url}}")).startsWith("jdbc:hsqldb:file:");
        assertThat(store().shared()).isFalse();
        assertThat(getColumns().path("data").isArray()).isTrue();
    }
}
