package dev.smartsheetmcp.analysis.batch;

/** A request line's {@code custom_id}: {@code job:<jobId>:row:<rowId>}, unique in its file and across jobs. */
final class CustomIds {

    private static final String ROW = ":row:";

    private CustomIds() {
    }

    static String of(String jobId, long rowId) {
        return "job:" + jobId + ROW + rowId;
    }

    /** The row a custom_id names, or -1 when it names none of this job's rows. */
    static long row(String customId, String jobId) {
        String prefix = "job:" + jobId + ROW;
        if (customId == null || !customId.startsWith(prefix)) return -1;
        try {
            return Long.parseLong(customId.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
