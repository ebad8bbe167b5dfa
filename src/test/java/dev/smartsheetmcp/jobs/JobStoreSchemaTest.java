package dev.smartsheetmcp.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job store skips Flyway only when its schema is already at this build's newest migration: the
 * version it compares with is the newest migration file's, and an older store is still migrated.
 */
class JobStoreSchemaTest {

    private static final Pattern VERSION = Pattern.compile("V([0-9_]+)__.*\\.sql");

    @TempDir
    Path dataDir;

    @Test
    void theSchemaVersionIsTheNewestMigrationOfTheBuild() throws IOException {
        assertThat(JobDatabase.SCHEMA_VERSION).as("JobDatabase.SCHEMA_VERSION").isEqualTo(newestMigration());
    }

    @Test
    void anOlderStoreIsMigratedToTheNewestVersion() throws SQLException {
        String url = "jdbc:hsqldb:file:" + dataDir + "/jobs;shutdown=true";
        try (HikariDataSource older = JobDatabase.open(url, "SA", "", 1)) {
            // back to how version 4 left it: no version 6 in Flyway's history, nor what 6 added
            execute(older, "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '6'");
            execute(older, "DROP TABLE job_node");
            execute(older, "ALTER TABLE analysis_job DROP COLUMN lease_epoch");
        }
        try (HikariDataSource store = JobDatabase.open(url, "SA", "", 1)) {
            assertThat(lastVersion(store)).isEqualTo(JobDatabase.SCHEMA_VERSION);
            execute(store, "SELECT COUNT(*) FROM job_node");
            execute(store, "SELECT lease_epoch FROM analysis_job");
        }
    }

    private static String newestMigration() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/db"))) {
            List<String> versions = files.map(file -> VERSION.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches).map(match -> match.group(1).replace('_', '.')).toList();
            return versions.stream().max(Comparator.comparing(MigrationVersion::fromVersion)).orElseThrow();
        }
    }

    private static String lastVersion(HikariDataSource store) throws SQLException {
        try (Connection connection = store.getConnection();
             Statement statement = connection.createStatement();
             ResultSet last = statement.executeQuery(
                     "SELECT \"version\" FROM \"flyway_schema_history\" ORDER BY \"installed_rank\" DESC LIMIT 1")) {
            last.next();
            return last.getString(1);
        }
    }

    private static void execute(HikariDataSource store, String sql) throws SQLException {
        try (Connection connection = store.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
