package dev.smartsheetmcp.jobs;

/**
 * What analysing one row produced: an answer (maybe trimmed) or the cause of its failure.
 * {@code cached}: the answer came from the answer cache (or an identical row of the same batch),
 * not from a model call of its own.
 */
public record RowOutcome(long rowId, String result, String error, String deployment, boolean trimmed, boolean cached) {

    public static RowOutcome answered(long rowId, String result, String deployment, boolean trimmed) {
        return new RowOutcome(rowId, result, null, deployment, trimmed, false);
    }

    /** An answer with no model call: no deployment answered this row. */
    public static RowOutcome fromCache(long rowId, String result, boolean trimmed) {
        return new RowOutcome(rowId, result, null, null, trimmed, true);
    }

    public static RowOutcome failed(long rowId, String error) {
        return new RowOutcome(rowId, null, error, null, false, false);
    }

    public boolean succeeded() {
        return error == null;
    }

    /** The same outcome for another row (one with identical text). */
    public RowOutcome forRow(long otherRowId) {
        return new RowOutcome(otherRowId, result, error, null, trimmed, succeeded());
    }
}
