package dev.smartsheetmcp.resources;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code smartsheet://{sheet_id}/health-report}: over every row, what needs attention in an open
 * task: overdue, due within a week, behind schedule (progress 25 points short of the time
 * elapsed), unassigned, without dates, untouched for 30 days; the status mix; a 0-100 score.
 */
final class HealthView extends SheetView {

    private static final int DUE_SOON_DAYS = 7;
    private static final int STALE_DAYS = 30;

    private final LocalDate today;
    private final ItemList overdue;
    private final ItemList dueSoon;
    private final ItemList behind;
    private final ItemList unassigned;
    private final ItemList undated;
    private final ItemList stale;
    private final Map<String, Long> statuses = new HashMap<>();
    private long open;
    private long complete;

    HealthView(long sheetId, int pageSize, int maxChars, Clock clock) {
        super(sheetId, pageSize, maxChars);
        this.today = LocalDate.now(clock);
        this.overdue = items();
        this.dueSoon = items();
        this.behind = items();
        this.unassigned = items();
        this.undated = items();
        this.stale = items();
    }

    @Override
    void accept(RowCells row) {
        row.text(project.id(project.status())).ifPresent(status -> statuses.merge(status, 1L, Long::sum));
        if (project.complete(row)) {
            complete++;
            return;
        }
        open++;
        LocalDate start = row.date(project.id(project.start())).orElse(null);
        LocalDate end = row.date(project.id(project.end())).orElse(null);
        if (end != null && end.isBefore(today)) overdue.add(item(row, "days_overdue", ChronoUnit.DAYS.between(end, today)));
        else if (end != null && !end.isAfter(today.plusDays(DUE_SOON_DAYS))) dueSoon.add(item(row, "due", end.toString()));
        if (start != null && end != null && !start.isAfter(today) && end.isAfter(start)) {
            double expected = Math.min(100, ChronoUnit.DAYS.between(start, today) * 100.0 / ChronoUnit.DAYS.between(start, end));
            double actual = project.percent(row).orElse(0.0);
            if (project.percentComplete() != null && actual + 25 < expected) {
                behind.add(item(row, "percent_complete", actual + " (expected about " + Math.round(expected) + ")"));
            }
        }
        if (project.assignee() != null && row.text(project.assignee().id()).isEmpty()) unassigned.add(item(row, null, null));
        if ((project.start() != null || project.end() != null) && start == null && end == null) undated.add(item(row, null, null));
        if (daysSince(row.modifiedAt()) > STALE_DAYS) stale.add(item(row, "modified_at", row.modifiedAt()));
    }

    private Map<String, Object> item(RowCells row, String field, Object value) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("row_id", Long.toString(row.id()));
        item.put("row_number", row.rowNumber());
        item.put("name", row.text(project.id(project.name())).orElse(""));
        if (field != null) item.put(field, value);
        return item;
    }

    private long daysSince(String timestamp) {
        if (timestamp == null) return 0;
        try {
            return ChronoUnit.DAYS.between(OffsetDateTime.parse(timestamp).toLocalDate(), today);
        } catch (DateTimeParseException e) {
            return 0;
        }
    }

    @Override
    Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("as_of", today.toString());
        figures.put("project_columns", project.roles());
        figures.put("rows_complete", complete);
        figures.put("rows_open", open);
        figures.put("score", score());
        figures.put("counts", counts());
        figures.put("status_mix", statuses);
        return figures;
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("overdue", overdue.total());
        counts.put("due_within_7_days", dueSoon.total());
        counts.put("behind_schedule", behind.total());
        counts.put("unassigned", unassigned.total());
        counts.put("without_dates", undated.total());
        counts.put("untouched_30_days", stale.total());
        return counts;
    }

    /** 100 less the share of open rows overdue (weight 50), behind (25), unassigned (15) and undated (10). */
    private long score() {
        if (rowsRead == 0) return 100;
        double penalty = (overdue.total() * 50.0 + behind.total() * 25.0 + unassigned.total() * 15.0
                + undated.total() * 10.0) / rowsRead;
        return Math.max(0, Math.round(100 - penalty));
    }

    @Override
    Map<String, ItemList> lists() {
        Map<String, ItemList> lists = new LinkedHashMap<>();
        lists.put("overdue", overdue);
        lists.put("behind_schedule", behind);
        lists.put("due_within_7_days", dueSoon);
        lists.put("unassigned", unassigned);
        lists.put("without_dates", undated);
        lists.put("untouched_30_days", stale);
        return lists;
    }
}
