package dev.smartsheetmcp.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import javax.sql.DataSource;

/**
 * Prepared statements on the job store's pool, each on a connection of its own or several in one
 * transaction; an SQL failure becomes an unchecked exception naming the store.
 */
public final class SqlStatements {

    public interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    public interface Work {
        void run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final String storeName;

    public SqlStatements(DataSource dataSource, String storeName) {
        this.dataSource = dataSource;
        this.storeName = storeName;
    }

    public int execute(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            return update(connection, sql, parameters);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public <T> T query(String sql, Reader<T> reader, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public void inTransaction(Work work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** One statement on a connection the caller holds (inside {@link #inTransaction}). */
    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    /** Nulls are bound untyped, so PostgreSQL takes them for any column type. */
    public static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
    }

    private IllegalStateException failure(SQLException e) {
        return new IllegalStateException(storeName + ": " + e.getMessage(), e);
    }
}
