package dev.smartsheetmcp.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * How Java code runs SQL on the job store's database: prepared statements on the pool, each on a
 * connection of its own or several in one {@link Transaction}. Nulls are bound untyped, so
 * PostgreSQL takes them for any column type; an SQL failure becomes an unchecked exception naming
 * the store.
 */
public final class SqlStatements {

    /** Reads the row the result set is on. */
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Reads a whole result set. */
    public interface ResultReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Statements that commit together or not at all. */
    public interface Work {
        void run(Transaction transaction) throws SQLException;
    }

    private final DataSource dataSource;
    private final String storeName;

    public SqlStatements(DataSource dataSource, String storeName) {
        this.dataSource = dataSource;
        this.storeName = storeName;
    }

    /** The database's product name, e.g. {@code PostgreSQL} or {@code HSQL Database Engine}. */
    public String databaseProduct() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Runs an INSERT, UPDATE or DELETE; answers how many rows it changed. */
    public int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            return new Transaction(connection).update(sql, parameters);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public <T> T query(String sql, ResultReader<T> reader, Object... parameters) {
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

    /** Every row, read in order. */
    public <T> List<T> list(String sql, RowReader<T> reader, Object... parameters) {
        return query(sql, rs -> {
            List<T> rows = new ArrayList<>();
            while (rs.next()) rows.add(reader.read(rs));
            return rows;
        }, parameters);
    }

    /** The first row, read; empty when there is none or it reads as null. */
    public <T> Optional<T> first(String sql, RowReader<T> reader, Object... parameters) {
        return query(sql, rs -> rs.next() ? Optional.ofNullable(reader.read(rs)) : Optional.<T>empty(), parameters);
    }

    /** Runs the work on one connection and commits it; any failure rolls it all back. */
    public void inTransaction(Work work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                work.run(new Transaction(connection));
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

    /** The statements of one {@link #inTransaction} call, on its connection. */
    public static final class Transaction {

        private final Connection connection;

        private Transaction(Connection connection) {
            this.connection = connection;
        }

        public int update(String sql, Object... parameters) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, parameters);
                return statement.executeUpdate();
            }
        }

        /** The first row, read; empty when there is none. */
        public <T> Optional<T> first(String sql, RowReader<T> reader, Object... parameters) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, parameters);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(reader.read(rs)) : Optional.empty();
                }
            }
        }

        /** One statement run once for each set of parameters, sent as one JDBC batch. */
        public void batch(String sql, List<Object[]> parameterSets) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (Object[] parameters : parameterSets) {
                    bind(statement, parameters);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
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
