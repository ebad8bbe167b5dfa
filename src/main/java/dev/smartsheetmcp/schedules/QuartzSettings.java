package dev.smartsheetmcp.schedules;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.quartz.impl.jdbcjobstore.HSQLDBDelegate;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.quartz.impl.jdbcjobstore.UpdateLockRowSemaphore;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * The Quartz configuration handed to camel-quartz: a clustered JDBC job store (JobStoreTX) in
 * the job store's database, on the job store's connection pool. Every instance on one database
 * uses the same scheduler name, so each firing runs on one of them only.
 */
public final class QuartzSettings {

    /** The name Quartz knows the job store's pool by. */
    static final String DATA_SOURCE = "jobStore";

    private QuartzSettings() {
    }

    public static Properties clustered(String jdbcUrl, String schedulerName, long misfireThresholdMs,
                                       long clusterCheckinMs, int threads) {
        Properties quartz = new Properties();
        quartz.setProperty("org.quartz.scheduler.instanceName", schedulerName);
        quartz.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        quartz.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        quartz.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        quartz.setProperty("org.quartz.jobStore.class", JobStoreTX.class.getName());
        quartz.setProperty("org.quartz.jobStore.driverDelegateClass", delegateFor(jdbcUrl));
        quartz.setProperty("org.quartz.jobStore.dataSource", DATA_SOURCE);
        quartz.setProperty("org.quartz.jobStore.isClustered", "true");
        quartz.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(clusterCheckinMs));
        quartz.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(misfireThresholdMs));
        // an UPDATE takes the cluster lock row on every database (HSQLDB's SELECT ... FOR UPDATE does not)
        quartz.setProperty("org.quartz.jobStore.lockHandler.class", UpdateLockRowSemaphore.class.getName());
        quartz.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        return quartz;
    }

    /**
     * Lends Quartz the job store's pool, under {@link #DATA_SOURCE} in Quartz's JVM-wide registry
     * of data sources; the latest pool registered is the one used.
     */
    public static ConnectionProvider shareJobStorePool(DataSource jobsDataSource) {
        ConnectionProvider provider = new SharedPool(jobsDataSource);
        DBConnectionManager.getInstance().addConnectionProvider(DATA_SOURCE, provider);
        return provider;
    }

    private static String delegateFor(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:hsqldb:")) return HSQLDBDelegate.class.getName();
        if (jdbcUrl.startsWith("jdbc:postgresql:")) return PostgreSQLDelegate.class.getName();
        return StdJDBCDelegate.class.getName();
    }

    /** Quartz's view of the job store's pool; the pool's owner closes it, not Quartz. */
    private record SharedPool(DataSource dataSource) implements ConnectionProvider {

        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // the pool belongs to the jobsDataSource bean
        }

        @Override
        public void initialize() {
            // nothing to set up
        }
    }
}
