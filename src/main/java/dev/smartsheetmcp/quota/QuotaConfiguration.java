package dev.smartsheetmcp.quota;

import javax.sql.DataSource;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.support.CamelContextHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code quotaStore} bean the Smartsheet and Azure OpenAI clients take their quotas from: shared
 * through the job store ({@code jobsDataSource}) when it is PostgreSQL, in this process otherwise
 * (the default HSQLDB file belongs to one process).
 */
public final class QuotaConfiguration implements CamelConfiguration {

    public static final String BEAN = "quotaStore";
    private static final Logger LOG = LoggerFactory.getLogger(QuotaConfiguration.class);

    @PropertyInject("jobs.jdbc-url")
    private String jdbcUrl;

    @Override
    public void configure(CamelContext camel) {
        QuotaStore store;
        if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:")) {
            store = QuotaStore.postgres(CamelContextHelper.mandatoryLookup(camel, "jobsDataSource", DataSource.class));
            LOG.info("Quotas shared with every instance on the job store's PostgreSQL database (table quota_buckets)");
        } else {
            store = QuotaStore.inProcess();
        }
        camel.getRegistry().bind(BEAN, store);
    }

    /** The context's store; an in-process one where none was bound (route tests that boot a client alone). */
    public static QuotaStore store(CamelContext camel) {
        QuotaStore store = camel.getRegistry().lookupByNameAndType(BEAN, QuotaStore.class);
        return store != null ? store : QuotaStore.inProcess();
    }
}
