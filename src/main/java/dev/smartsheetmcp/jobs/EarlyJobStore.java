package dev.smartsheetmcp.jobs;

import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.camel.CamelContext;

/**
 * The job store opened on a thread of its own as soon as the settings are checked (the file
 * database read, the schema checked or migrated), while Camel goes on with its own set-up and the
 * MCP server is built; {@link JobsConfiguration} takes the pool when it comes to the job beans.
 * Without it (route tests) the configuration opens the store itself.
 */
public final class EarlyJobStore {

    private static final String NAME = "earlyJobStore";

    private final CompletableFuture<HikariDataSource> opening;
    private volatile boolean taken;

    private EarlyJobStore(CompletableFuture<HikariDataSource> opening) {
        this.opening = opening;
    }

    /** Starts opening the store the {@code jobs.*} settings name. */
    public static void open(CamelContext context) {
        String url = property(context, "jobs.jdbc-url");
        String user = property(context, "jobs.jdbc-user");
        String password = property(context, "jobs.jdbc-password");
        int poolSize = Integer.parseInt(property(context, "jobs.pool-size"));
        long idleInTransactionMillis = Long.parseLong(property(context, "jobs.idle-in-transaction-timeout-ms"));
        EarlyJobStore store = new EarlyJobStore(CompletableFuture.supplyAsync(
                () -> JobDatabase.open(url, user, password, poolSize, idleInTransactionMillis)));
        // closed at stop if the application never got as far as taking it
        context.getRegistry().bind(NAME, EarlyJobStore.class, store, null, "closeIfNotTaken");
    }

    /** The pool opened early, if it was; the caller owns it from now on. */
    static HikariDataSource take(CamelContext context) {
        EarlyJobStore store = context.getRegistry().lookupByNameAndType(NAME, EarlyJobStore.class);
        if (store == null) return null;
        try {
            HikariDataSource pool = store.opening.join();
            store.taken = true;
            return pool;
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    public void closeIfNotTaken() {
        if (!taken) opening.thenAccept(HikariDataSource::close);
    }

    private static String property(CamelContext context, String key) {
        return context.resolvePropertyPlaceholders("{{" + key + "}}");
    }
}
