package dev.smartsheetmcp.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smartsheetmcp.testing.RequiredPrograms;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * With a PostgreSQL job store the quotas live in its {@code quota_buckets} table (created by Flyway
 * with the job store's schema), keyed by a hash of the token, never the token. Runs when
 * TEST_POSTGRES_URL points at a server; a new database per run.
 */
class SharedQuotaRouteTest extends QuotaStoreRouteTestSupport {

    private static final String SERVER = System.getenv("TEST_POSTGRES_URL");

    SharedQuotaRouteTest() {
        super(SERVER == null || SERVER.isBlank() ? Map.of() : Map.of("jobs.jdbc-url", newDatabase(),
                "jobs.jdbc-user", "postgres", "jobs.jdbc-password", ""));
    }

    @Test
    void aPostgresqlJobStoreSharesTheQuotasThroughItsTable() throws Exception {
        RequiredPrograms.require(SERVER != null && !SERVER.isBlank(), "A PostgreSQL server (TEST_POSTGRES_URL, for quotas shared by instances)",
                "apt-get install postgresql, start it and set TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:PORT/postgres; .ci/run does");
        assertThat(store().shared()).isTrue();

        assertThat(getColumns().path("data").isArray()).isTrue();

        List<String> keys = new ArrayList<>();
        try (Connection connection = context.getRegistry().lookupByNameAndType("jobsDataSource", DataSource.class).getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT id FROM quota_buckets")) {
            while (rows.next()) keys.add(rows.getString(1));
        }
        assertThat(keys).singleElement().asString().startsWith("smartsheet/" + QuotaStore.fingerprint(TOKEN) + "@")
                .doesNotContain(TOKEN);
    }

    private static String newDatabase() {
        String database = "quota_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(SERVER, "postgres", "")) {
            admin.createStatement().execute("CREATE DATABASE " + database);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + database;
    }
}
