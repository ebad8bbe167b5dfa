package dev.smartsheetmcp.jobs;

/** Free text (reasons, row errors, firing details) fitted to the job store's VARCHAR(4000) columns. */
public final class StoredText {

    private static final int MAX_CHARS = 4000;

    private StoredText() {
    }

    public static String clip(String text) {
        return text == null || text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS - 1) + "…";
    }
}
