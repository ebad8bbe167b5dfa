package dev.smartsheetmcp.sandbox.smartsheet;

import java.util.List;
import java.util.Map;

/**
 * A row report: every row of its source sheets, in sheet order, under report columns matched by
 * title in each source sheet, after the "Sheet Name" column. Each report column has a virtual id;
 * its cells carry that as {@code virtualColumnId} and the source column's id as {@code columnId}.
 */
final class Report {

    static final String SHEET_NAME = "Sheet Name";

    final long id;
    final String name;
    final List<Sheet> sources;
    final List<String> titles;
    /** Virtual column id by title, the "Sheet Name" column first. */
    final Map<String, Long> virtualIds;
    final String createdAt = Sheet.now();

    Report(long id, String name, List<Sheet> sources, List<String> titles, Map<String, Long> virtualIds) {
        this.id = id;
        this.name = name;
        this.sources = List.copyOf(sources);
        this.titles = List.copyOf(titles);
        this.virtualIds = virtualIds;
    }

    String permalink() {
        return "https://app.smartsheet.com/reports/" + Long.toString(id, 36);
    }
}
