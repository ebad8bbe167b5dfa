package dev.smartsheetmcp.smartsheet;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Smartsheet request path touches, for {@link SharedReads}: which reads are read-mostly
 * metadata worth keeping a few seconds, and which kept reads a write changes. A read below
 * {@code /sheets/{id}} belongs to that sheet; any other read (workspaces, folders, Home, the sheet
 * list) lists where things live.
 */
final class SmartsheetPaths {

    private static final Pattern SHEET = Pattern.compile("/sheets/(\\d+)(/.*)?");
    private static final Pattern CONTAINERS = Pattern.compile("/(workspaces|folders|home)(/.*)?|/sheets");
    /** The reads of get_column_map and the resources: the columns and a handful of sample rows. */
    private static final Pattern SAMPLE_ROWS = Pattern.compile("pageSize=\\d{1,2}&page=1");
    /** Copying or moving a sheet, its rows or a container changes other sheets and listings too (named in the body). */
    private static final Pattern RELOCATES = Pattern.compile(".*/(copy|move)(/.*)?");

    private SmartsheetPaths() {
    }

    /** Worth keeping for the metadata cache's time: a sheet's columns (and sample rows), or a container listing. */
    static boolean metadata(String path, String query) {
        Matcher sheet = SHEET.matcher(path);
        if (sheet.matches()) {
            String below = sheet.group(2);
            return "/columns".equals(below) || below == null && query != null && SAMPLE_ROWS.matcher(query).matches();
        }
        return CONTAINERS.matcher(path).matches();
    }

    /**
     * The reads a write to {@code path} may change: below a sheet, that sheet's reads; on the sheet
     * itself (rename, delete) or a container, also every container listing; a copy or move, every read.
     */
    static Predicate<String> changedBy(String path) {
        if (RELOCATES.matcher(path).matches()) return read -> true;
        Matcher sheet = SHEET.matcher(path);
        String sheetId = sheet.matches() ? sheet.group(1) : null;
        boolean withinSheet = sheetId != null && sheet.group(2) != null;
        return read -> {
            Matcher readSheet = SHEET.matcher(read);
            if (readSheet.matches()) return readSheet.group(1).equals(sheetId);
            return !withinSheet;
        };
    }
}
